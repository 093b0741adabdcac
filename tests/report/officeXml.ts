/** Reading the text of generated Office files in tests (jszip; no Office needed). */
import JSZip from 'jszip';

export interface IXmlParagraph {
  /** Decoded text of the paragraph's runs. */
  text: string;
  /** Paragraph style id (docx), if any. */
  style?: string;
  /** The paragraph's raw XML. */
  xml: string;
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    switch (e.toLowerCase()) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

function paragraphs(xml: string, tag: 'w' | 'a'): IXmlParagraph[] {
  const re = tag === 'w' ? /<w:p[ >][\s\S]*?<\/w:p>/g : /<a:p>[\s\S]*?<\/a:p>/g;
  const textRe = tag === 'w' ? /<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g : /<a:t>([\s\S]*?)<\/a:t>/g;
  const out: IXmlParagraph[] = [];
  for (const m of xml.match(re) || []) {
    let text = '';
    let t: RegExpExecArray | null;
    textRe.lastIndex = 0;
    while ((t = textRe.exec(m)) !== null) text += decodeXml(t[1]);
    const style = /<w:pStyle w:val="([^"]+)"/.exec(m);
    out.push({ text, style: style ? style[1] : undefined, xml: m });
  }
  return out;
}

export async function readZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function zipText(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`${name} missing`);
  return f.async('string');
}

/** Paragraphs of word/document.xml, in order. */
export async function docxParagraphs(bytes: Uint8Array): Promise<{ zip: JSZip; xml: string; paragraphs: IXmlParagraph[] }> {
  const zip = await readZip(bytes);
  const xml = await zipText(zip, 'word/document.xml');
  return { zip, xml, paragraphs: paragraphs(xml, 'w') };
}

export interface ISlideText {
  number: number;
  xml: string;
  paragraphs: string[];
}

/** Slides in order with the text of each <a:p>. */
export async function pptxSlides(bytes: Uint8Array): Promise<{ zip: JSZip; slides: ISlideText[] }> {
  const zip = await readZip(bytes);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  const slides: ISlideText[] = [];
  for (const n of names) {
    const xml = await zipText(zip, n);
    slides.push({ number: Number(/slide(\d+)\.xml$/.exec(n)![1]), xml, paragraphs: paragraphs(xml, 'a').map((p) => p.text) });
  }
  slides.sort((a, b) => a.number - b.number);
  return { zip, slides };
}
