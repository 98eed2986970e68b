// The engines compared, as plain `text -> result` functions. The same file
// runs in Node (bare imports resolved from node_modules) and in Chromium
// (bundled by esbuild in bench/chromium.mjs).
import nlp from "compromise";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** `analyze` is the wasm export of www/pkg/claimscope.js, already initialised. */
export function makeEngine(name, analyze) {
  switch (name) {
    case "claimscope":
      return {
        name,
        what: "claimscope analyze(): actors, claims, relations (wasm)",
        analyze: (text) => analyze(text, null),
      };
    case "wink": {
      // The entity pipeline: sentences, POS tags, named entities.
      const w = winkNLP(model, ["sbd", "pos", "ner"]);
      const detail = w.its.detail;
      return {
        name,
        what: "wink-nlp + wink-eng-lite-web-model, pipe [sbd, pos, ner], doc.entities()",
        analyze: (text) => w.readDoc(text).entities().out(detail),
      };
    }
    case "compromise":
      return {
        name,
        what: "compromise: people(), places(), organizations()",
        analyze: (text) => {
          const d = nlp(text);
          return [d.people().out("array"), d.places().out("array"), d.organizations().out("array")];
        },
      };
    default:
      throw new Error(`unknown engine ${name}`);
  }
}

export const ENGINES = ["claimscope", "wink", "compromise"];
