/** Lower case without accents or spaces, so "80 %" and "80%" or "Năm" and "năm" compare equal. */
function squeeze(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, '');
}

/**
 * The server's rule, checked while the editor types: the correct options of a choice question, or the quoted
 * statement of a true/false question marked "Đúng", are written in the cited paragraph. `null`: cannot be
 * checked (a statement marked "Sai").
 */
export function answerInParagraph(
  q: { kind: string; stem: string; options: string[]; correct: number[] },
  paragraph: string,
): boolean | null {
  const para = squeeze(paragraph);
  if (q.kind === 'true_false') {
    if (q.correct[0] !== 0) return null;
    const quoted = /“([^”]+)”/u.exec(q.stem)?.[1] ?? q.stem.replace(/^Đúng hay sai:\s*/u, '');
    return para.includes(squeeze(quoted.replace(/[\s.;:,…?]+$/u, '')));
  }
  return (
    q.correct.length > 0 &&
    q.correct.every((i) => {
      const o = q.options[i];
      return o !== undefined && squeeze(o).length > 0 && para.includes(squeeze(o));
    })
  );
}
