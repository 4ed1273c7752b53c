import { describe, expect, it } from 'vitest';
import { validateMember } from './input.ts';
import { parseDate, parsePhone } from './fields.ts';

describe('member input', () => {
  it('accepts a complete Vietnamese row', () => {
    const r = validateMember({
      fullName: '  Nguyễn   Văn An ',
      gender: 'Nam',
      birthDate: '19/11/1955',
      phone: '+84 912 345 678',
      cardNumber: '12.345678',
      admittedOn: '3/2/1980',
      fullMemberOn: '3/2/1981',
      kind: 'Chính thức',
      status: 'Đi làm ăn xa',
    });
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({
      fullName: 'Nguyễn Văn An',
      gender: 'male',
      birthDate: '1955-11-19',
      phone: '0912345678',
      kind: 'full',
      status: 'working_away',
    });
  });
  it('reports each bad field with its column', () => {
    const r = validateMember({ fullName: '', phone: '12345', birthDate: '31/02/1960', kind: 'x' });
    expect(r.value).toBeNull();
    expect(r.errors.map((e) => e.column)).toEqual(['Họ và tên', 'Ngày sinh', 'Số điện thoại', 'Loại']);
  });
  it('refuses impossible dates and future dates', () => {
    expect(parseDate('31/02/2021', 'Ngày sinh').ok).toBe(false);
    expect(parseDate('2999-01-01', 'Ngày sinh').ok).toBe(false);
    expect(parseDate('29/02/2024', 'Ngày sinh')).toEqual({ ok: true, value: '2024-02-29' });
  });
  it('normalises phone numbers', () => {
    expect(parsePhone('0912.345.678')).toEqual({ ok: true, value: '0912345678' });
    expect(parsePhone('84912345678')).toEqual({ ok: true, value: '0912345678' });
    expect(parsePhone('091234567').ok).toBe(false);
  });
  it('keeps dates in order and needs a way to log in', () => {
    expect(
      validateMember({
        fullName: 'Lê Thị Hoa',
        admittedOn: '2000-01-01',
        fullMemberOn: '1999-01-01',
        phone: '0912345678',
      }).errors[0]?.field,
    ).toBe('fullMemberOn');
    expect(validateMember({ fullName: 'Lê Thị Hoa' }).errors[0]?.message).toMatch(
      /số điện thoại hoặc số thẻ/,
    );
  });
  it('defaults kind from the full-member date', () => {
    expect(validateMember({ fullName: 'Trần Văn Bình', phone: '0987654321' }).value?.kind).toBe(
      'probationary',
    );
  });
});
