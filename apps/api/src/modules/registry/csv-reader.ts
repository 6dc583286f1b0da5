/**
 * Reads CSV records (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM) from a stream of
 * chunks, one record at a time, so a file of any length is parsed in constant memory.
 */
export async function* readCsv(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let field = '';
  let record: string[] = [];
  let quoted = false;
  // Inside quotes, a quote is either the end of the field or the first half of "" — known at the next char.
  let quotePending = false;
  let first = true;
  let afterCr = false;

  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const out: string[][] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (afterCr) {
        afterCr = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (quotePending) {
          quotePending = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false;
          // fall through: c is the character after the closing quote
        } else if (c === '"') {
          quotePending = true;
          continue;
        } else {
          field += c;
          continue;
        }
      }
      if (c === '"' && field === '') quoted = true;
      else if (c === ',') {
        record.push(field);
        field = '';
      } else if (c === '\r' || c === '\n') {
        record.push(field);
        out.push(record);
        record = [];
        field = '';
        afterCr = c === '\r';
      } else field += c;
    }
    for (const r of out) yield r;
  }
  const tail = decoder.decode();
  if (tail) field += tail;
  if (quotePending) quoted = false;
  if (field !== '' || record.length) {
    record.push(field);
    yield record;
  }
}
