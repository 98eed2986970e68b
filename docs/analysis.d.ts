/** Offsets count UTF-16 code units (JavaScript string indices) into `Analysis.text` when present, else into the input. */
export interface Span { start: number; end: number; }
export type ActorKind = "person" | "country" | "organization" | "armed_group";
export type ClaimKind = "statement" | "accusation" | "denial" | "demand" | "threat" | "report" | "assessment";
export interface Excluded { start: number; end: number; reason: "clutter" | "metadata" | "headline" | "duplicate"; }
export interface DocumentInfo {
  format: "text" | "markdown" | "html";
  headline: string | null;
  author: string | null;
  outlet: string | null;
  date: string | null;
  word_count: number;
  paragraphs: Span[];
  sentences: Span[];
  excluded: Excluded[];
  truncated: boolean;
}
export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  role: string | null;
  affiliation: string | null;
  salience: number;
  mentions: Span[];
}
export interface UnnamedSource { id: string; label: string; affiliation: string | null; mentions: Span[]; }
export interface Figure {
  value: number;
  qualifier: string | null;
  measure: string;
  counted: string;
  side: string | null;
  start: number;
  end: number;
}
export interface Claim {
  id: string;
  speaker: string | null;
  speaker_text: string | null;
  speaker_span: Span | null;
  text: string;
  start: number;
  end: number;
  kind: ClaimKind;
  target: string | null;
  quote: boolean;
  cue: Span | null;
  figures: Figure[];
}
export interface Relation { source: string; target: string; kind: ClaimKind; count: number; claims: string[]; }
export interface DisagreementItem {
  speaker: string | null;
  claim: string;
  value: number;
  qualifier: string | null;
  counted: string;
  side: string | null;
}
export interface Disagreement { measure: string; items: DisagreementItem[]; }
export interface Analysis {
  schema_version: number;
  offset_unit: "utf16";
  /** Present only when the analysed text differs from the input (HTML reduced to text). */
  text?: string;
  document: DocumentInfo;
  actors: Actor[];
  sources: UnnamedSource[];
  claims: Claim[];
  relations: Relation[];
  disagreements: Disagreement[];
  warnings: string[];
  /** Set by `analyzeBytes` only: the decoded text of the uploaded bytes. */
  input?: string;
}
export interface AnalyzeOptions { format?: "text" | "markdown" | "html"; }
/** Analyses one article. Never throws for any string; throws `Error` for invalid options. */
export function analyze(text: string, options?: AnalyzeOptions | null): Analysis;
/** Decodes file bytes (UTF-8, UTF-16 with BOM) and analyses them; throws `Error` for binary data. */
export function analyzeBytes(bytes: Uint8Array, options?: AnalyzeOptions | null): Analysis;
/**
 * An analysis run one stage per `step()` call, so a worker can return to its
 * event loop between stages and cancel a job that a newer text made stale.
 */
export class Job {
  /** Throws `Error` for invalid options. */
  constructor(text: string, options?: AnalyzeOptions | null);
  /** Decodes file bytes like `analyzeBytes`; throws `Error` for binary data. */
  static fromBytes(bytes: Uint8Array, options?: AnalyzeOptions | null): Job;
  /** Runs the next stage; returns the share of the work done, 1 when complete. */
  step(): number;
  /** Runs any stage left and returns the analysis (with `input` for bytes); frees the job. */
  finish(): Analysis;
  /** Drops the job without finishing it. */
  free(): void;
}
