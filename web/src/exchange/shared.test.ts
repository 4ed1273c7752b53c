import { describe, expect, it } from 'vitest';
import { firstBadFile } from './shared.ts';

const pdf = (name: string) => new File([new TextEncoder().encode('%PDF-1.7\n…')], name);
const zip = (name: string) => new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], name);

describe('firstBadFile', () => {
  it('accepts PDF and office files whose content matches their name', async () => {
    expect(await firstBadFile([pdf('Nghị quyết.pdf'), zip('Kế hoạch.DOCX'), zip('Bảng.xlsx')])).toBeNull();
  });

  it('names the first file the server would refuse, and why', async () => {
    expect(await firstBadFile([pdf('a.pdf'), zip('b.exe')])).toEqual({ name: 'b.exe', problem: 'type' });
    expect(await firstBadFile([zip('renamed.pdf')])).toEqual({ name: 'renamed.pdf', problem: 'content' });
    expect(await firstBadFile([pdf('renamed.docx')])).toEqual({ name: 'renamed.docx', problem: 'content' });
    expect(await firstBadFile([new File([], 'empty.pdf')])).toEqual({ name: 'empty.pdf', problem: 'empty' });
    expect(await firstBadFile([pdf('no-extension')])).toEqual({ name: 'no-extension', problem: 'type' });
  });
});
