import { describe, expect, it } from 'vitest';
import { formatViNumber, parseLocaleNumber } from './numbers.ts';

describe('parseLocaleNumber', () => {
  it.each([
    ['1234', 1234],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
    ['1,234,567', 1234567],
    ['1,234.5', 1234.5],
    ['12.5', 12.5],
    ['3.14', 3.14],
    ['0.125', 0.125],
    ['1.2345', 1.2345],
    ['0,5', 0.5],
    ['-7', -7],
    ['\u22127', -7],
    ['+15', 15],
    [' 108 600 ', 108600],
    ['108\u00a0600', 108600],
    ['0', 0],
  ])('reads %j as %d', (raw, expected) => {
    expect(parseLocaleNumber(raw)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'abc',
    '12a',
    '1.23.4',
    '1,2,3',
    '12,',
    '12.',
    ',5',
    '1.234,5,6',
    '1.234.5,6',
    '--1',
    'e5',
    '0.123.456',
    '1,23.4',
  ])('refuses %j', (raw) => {
    expect(parseLocaleNumber(raw)).toBeNull();
  });
});

describe('formatViNumber', () => {
  it('uses Vietnamese separators', () => {
    expect(formatViNumber(1234.5)).toBe('1.234,5');
    expect(formatViNumber(108600)).toBe('108.600');
  });
});
