// Types for svg-to-pdfkit (it ships none): draws an SVG into a pdfkit document as vectors.
// Included by tsconfig.json's "src".
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    useCSS?: boolean;
    /** The pdfkit font name to use for an SVG font family (text stays text in the PDF). */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxBold: boolean; fauxItalic: boolean }) => string;
    imageCallback?: (link: string) => string;
    documentCallback?: (file: string) => unknown;
    colorCallback?: (color: unknown, raw: unknown) => unknown;
    warningCallback?: (message: string) => void;
    /** 1 SVG unit = 1 pt instead of 1 px = 0.75 pt. */
    assumePt?: boolean;
    precision?: number;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
  export = SVGtoPDF;
}
