//! Stepwise analysis: the pipeline of [`crate::analyze`], one stage per call
//! to [`Job::step`]. A single-threaded caller (the page's Web Worker) runs a
//! long analysis step by step and returns to its event loop in between, so a
//! newer text can cancel the job without killing the worker. Owns nothing
//! but the order of the stages and the data handed from one to the next.

use crate::actors::{self, Actors};
use crate::analysis;
use crate::claims::{self, Claims};
use crate::document::Document;
use crate::{Analysis, Options};

/// An analysis in progress. Dropping it cancels it.
pub struct Job {
    format: Option<String>,
    state: State,
}

enum State {
    Text(String),
    Document(Document<'static>),
    Actors(Document<'static>, Actors),
    Claims(Document<'static>, Actors, Claims),
    Done(Analysis),
}

/// Share of the work done once each stage has run, from the native stage
/// times on 10 MB of news text (`cargo run --release --example stages`).
const DONE_AFTER: [f64; 4] = [0.28, 0.58, 0.89, 1.0];

impl Job {
    /// A job analysing `text` with `options`; nothing runs until [`Job::step`].
    pub fn new(text: String, options: &Options) -> Job {
        Job {
            format: options.format.clone(),
            state: State::Text(text),
        }
    }

    /// Runs the next stage; returns the share of the work done, 1.0 when the
    /// analysis is complete (further calls do nothing).
    pub fn step(&mut self) -> f64 {
        // the data moves from one state to the next; an empty text holds the place
        let state = std::mem::replace(&mut self.state, State::Text(String::new()));
        let (state, done) = match state {
            State::Text(text) => {
                let doc = Document::parse(&text, self.format.as_deref()).into_owned();
                (State::Document(doc), DONE_AFTER[0])
            }
            State::Document(doc) => {
                let actors = actors::find(&doc);
                (State::Actors(doc, actors), DONE_AFTER[1])
            }
            State::Actors(doc, actors) => {
                let claims = claims::find(&doc, &actors);
                (State::Claims(doc, actors, claims), DONE_AFTER[2])
            }
            State::Claims(doc, actors, claims) => {
                let analysis = analysis::build(&doc, &actors, &claims);
                (State::Done(analysis), DONE_AFTER[3])
            }
            done @ State::Done(_) => (done, 1.0),
        };
        self.state = state;
        done
    }

    /// True once every stage has run.
    pub fn is_done(&self) -> bool {
        matches!(self.state, State::Done(_))
    }

    /// Runs the remaining stages and returns the analysis.
    pub fn finish(mut self) -> Analysis {
        loop {
            match self.state {
                State::Done(analysis) => return analysis,
                _ => self.step(),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Pakistan accused the Taliban of harbouring militants. \
        The Taliban denied the charge, spokesman Zabihullah Mujahid said. \
        Officials said 23 soldiers were killed.";

    #[test]
    fn steps_give_the_same_analysis_as_analyze() {
        let mut job = Job::new(ARTICLE.to_string(), &Options::default());
        let mut progress = Vec::new();
        while !job.is_done() {
            progress.push(job.step());
        }
        assert_eq!(progress, DONE_AFTER);
        assert_eq!(job.step(), 1.0, "a finished job stays finished");
        let stepped = serde_json::to_string(&job.finish()).unwrap();
        let direct = serde_json::to_string(&crate::analyze(ARTICLE, &Options::default())).unwrap();
        assert_eq!(stepped, direct);
    }

    #[test]
    fn finish_runs_what_is_left_and_options_apply() {
        let html = "<p>Pakistan accused the <b>Taliban</b> of harbouring militants.</p>";
        let options = Options {
            format: Some("html".into()),
        };
        let mut job = Job::new(html.to_string(), &options);
        job.step();
        let a = job.finish();
        assert_eq!(a.document.format, "html");
        assert!(a.actors.iter().any(|x| x.name == "Taliban"));
        assert!(Job::new(String::new(), &options).finish().claims.is_empty());
    }
}
