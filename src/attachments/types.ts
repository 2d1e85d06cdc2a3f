// What the attachment step tells the form rules: how a reference resolved and what the file is by
// content. Rules read these values; only src/attachments opens files.

export type FileKind = 'doc' | 'docx' | 'pdf' | 'image' | 'spreadsheet' | 'zip' | 'rtf' | 'html' | 'text' | 'empty' | 'other';
export type FileProblem = 'corrupt' | 'encrypted' | 'noPages' | 'tooLarge' | 'unreadable';

export interface Inspection {
  kind: FileKind;
  /** Opens without a password and parses (for PDFs: at least one page). */
  readable: boolean;
  problem?: FileProblem;
  pages?: number;
  /** Extracted text (PDF, .docx), capped; for the personal-information check of sample forms. */
  text?: string;
}

export type RefResolution =
  | { status: 'empty' }
  /** A URL: not fetched; judged by the extension of its path (undefined: none). */
  | { status: 'url'; ref: string; extension?: string }
  | { status: 'notFound'; ref: string }
  /** A symbolic link that points outside the audited folders: never followed. */
  | { status: 'outside'; ref: string; file: string }
  /** No attachment files exist at all: the reference is offered but cannot be verified. */
  | { status: 'noStore'; ref: string }
  | { status: 'found'; ref: string; file: string; inspection: Inspection };
