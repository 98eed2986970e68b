//! Tokens and small text helpers shared by the stages: one linear tokenizer
//! pass, character classes and allocation-free case folding for lookups.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// Letters (with internal hyphens, apostrophes, acronym dots).
    Word,
    /// Digits with separators (`2,500`, `27-28`, `3.5`).
    Number,
    /// A possessive `'s` / `’s` (or a lone `'` after a plural).
    Possessive,
    /// An opening quote mark.
    OpenQuote,
    /// A closing quote mark.
    CloseQuote,
    /// Any other single punctuation character.
    Punct,
}

/// A token: byte range into the document text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Start byte.
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
    /// Kind.
    pub kind: Tok,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// A hyphen or apostrophe at the start of `rest` that continues a word
/// (`Tehreek-e-Taliban`, `don’t`), but not the possessive `'s`.
fn joins_word(rest: &str, d: char) -> bool {
    if !(d == '-' || d == '‐' || is_apostrophe(d)) {
        return false;
    }
    let after = &rest[d.len_utf8()..];
    let alnum = after.chars().next().is_some_and(|n| n.is_alphanumeric());
    let possessive = is_apostrophe(d)
        && (after.starts_with('s') || after.starts_with('S'))
        && !after[1..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphanumeric());
    alnum && !possessive
}

/// ASCII letters and digits by byte: one load per byte of a word's tight
/// loop instead of two range tests.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// Tokenizes `text[start..end]`, appending to `out`.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    let b = s.as_bytes();
    // the character at byte `k` (a character boundary), decoded only when not ASCII
    let char_at = |k: usize| match b.get(k) {
        Some(&c) if c.is_ascii() => Some(char::from(c)),
        Some(_) => s[k..].chars().next(),
        None => None,
    };
    let push = |out: &mut Vec<Token>, a: usize, b: usize, kind: Tok| {
        out.push(Token {
            start: (start + a) as u32,
            end: (start + b) as u32,
            kind,
        });
    };
    // the next character to read
    let mut pos = 0;
    while let Some(c) = char_at(pos) {
        let i = pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i + c.len_utf8();
            let single_upper = c.is_uppercase();
            // acronyms and initials: U.S., S. Rajaratnam
            if single_upper && s[j..].starts_with('.') {
                let rest = &s[j + 1..];
                let next = rest.chars().next();
                let acronym =
                    next.is_some_and(|n| n.is_uppercase()) && rest.chars().nth(1) == Some('.');
                let initial =
                    next == Some(' ') && rest[1..].chars().next().is_some_and(|n| n.is_uppercase());
                if acronym {
                    // consume letter-dot pairs
                    let mut k = j;
                    while k + 1 < s.len() && b[k] == b'.' && b[k + 1].is_ascii_uppercase() {
                        k += 2;
                    }
                    if k < s.len() && b[k] == b'.' {
                        k += 1;
                    }
                    j = k;
                } else if initial {
                    j += 1;
                }
                pos = pos.max(j);
                if j > i + c.len_utf8() {
                    // allow a hyphenated tail: U.S.-led
                    let mut k = j;
                    while s[k..].starts_with('-')
                        && s[k + 1..]
                            .chars()
                            .next()
                            .is_some_and(|n| n.is_alphanumeric())
                    {
                        k += 1;
                        while let Some(n) = s[k..].chars().next().filter(|n| n.is_alphanumeric()) {
                            k += n.len_utf8();
                        }
                    }
                    pos = pos.max(k);
                    push(out, i, k, Tok::Word);
                    continue;
                }
            }
            loop {
                // ASCII letters and digits, most of a word, in a tight loop
                while b.get(pos).is_some_and(|&c| ASCII_ALNUM[usize::from(c)]) {
                    pos += 1;
                }
                match char_at(pos) {
                    Some(d)
                        if d.is_alphanumeric()
                            || (matches!(d, '-' | '‐' | '\'' | '’')
                                && joins_word(&s[pos..], d)) =>
                    {
                        pos += d.len_utf8()
                    }
                    _ => break,
                }
            }
            push(out, i, pos, Tok::Word);
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while let Some(d) = char_at(pos) {
                let k = pos;
                if d.is_ascii_digit()
                    || (matches!(d, ',' | '.' | '-' | '–')
                        && s[k + d.len_utf8()..].starts_with(|n: char| n.is_ascii_digit()))
                    // 1st, 2024s, 10km
                    || d.is_alphabetic()
                {
                    pos += d.len_utf8();
                    j = pos;
                } else {
                    break;
                }
            }
            push(out, i, j, Tok::Number);
            continue;
        }
        let j = i + c.len_utf8();
        let kind = match c {
            '“' | '«' | '„' => Tok::OpenQuote,
            '”' | '»' => Tok::CloseQuote,
            '‘' => Tok::OpenQuote,
            '\'' | '’' => {
                let prev_word = out
                    .last()
                    .is_some_and(|t| t.end as usize == start + i && t.kind != Tok::Punct);
                let after = &s[j..];
                if prev_word
                    && (after.starts_with('s') || after.starts_with('S'))
                    && !after[1..].starts_with(|n: char| n.is_alphanumeric())
                {
                    pos += 1;
                    push(out, i, j + 1, Tok::Possessive);
                    continue;
                }
                if prev_word {
                    Tok::CloseQuote
                } else {
                    Tok::OpenQuote
                }
            }
            '"' => {
                // straight quotes: opening when at start or after space/opening bracket
                let before = s[..i].chars().next_back();
                if before.is_none_or(|b| {
                    b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | ':')
                }) {
                    Tok::OpenQuote
                } else {
                    Tok::CloseQuote
                }
            }
            _ => Tok::Punct,
        };
        push(out, i, j, kind);
    }
}

/// The folded form of every word and possessive token, written over a copy
/// of the text, with each token's fold found by its own precomputed byte
/// range: a lookup is one load and one slice, with no decoding of the
/// buffer. ASCII words fold to the same length in place; a non-ASCII word's
/// fold (curly apostrophes straightened, lowercased) is written at its
/// range when it fits (the rest of the range is blanked), else appended
/// after the text. Other tokens have an empty range.
#[derive(Default)]
pub struct Folded {
    /// The text from the first token to the end of the last, folded, then
    /// the folds longer than their token.
    buf: String,
    /// Each token's fold: its byte range in `buf`.
    ranges: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds every word and possessive of `tokens`; other tokens fold to "".
    pub fn new(text: &str, tokens: &[Token]) -> Self {
        // what `fold_into` and `to_lowercase` both give for ASCII words
        let (base, end) = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => (0, 0),
        };
        // bytes written in place (every token range holds a whole UTF-8 fold
        // and ASCII padding), checked back into a string once at the end
        let mut buf = text.as_bytes()[base as usize..end as usize].to_ascii_lowercase();
        let mut ranges = Vec::with_capacity(tokens.len());
        let mut tmp = [0u8; 48];
        for t in tokens {
            let (a, b) = (t.start - base, t.end - base);
            if !matches!(t.kind, Tok::Word | Tok::Possessive) {
                ranges.push((0, 0));
                continue;
            }
            let w = t.text(text);
            if w.is_ascii() {
                ranges.push((a, b));
                continue;
            }
            let lower;
            let folded = match fold_into(w, &mut tmp) {
                Some(x) => x,
                None => {
                    lower = crate::case::lower_str(w);
                    lower.as_str()
                }
            };
            let range = &mut buf[a as usize..b as usize];
            if folded.len() <= range.len() {
                // the whole token range is rewritten: it stays valid UTF-8
                range[..folded.len()].copy_from_slice(folded.as_bytes());
                range[folded.len()..].fill(0);
                ranges.push((a, a + folded.len() as u32));
            } else {
                range.fill(0);
                let at = buf.len() as u32;
                buf.extend_from_slice(folded.as_bytes());
                ranges.push((at, buf.len() as u32));
            }
        }
        Folded {
            buf: String::from_utf8(buf).expect("folds replace whole tokens"),
            ranges,
        }
    }

    /// The folded form of token `i` of the tokens it was built from: ""
    /// past the end and for tokens other than words and possessives.
    #[inline(always)]
    pub fn get(&self, i: usize) -> &str {
        match self.ranges.get(i) {
            Some(&(a, b)) => &self.buf[a as usize..b as usize],
            None => "",
        }
    }
}

/// Folds an ASCII-ish word for lookups into `buf`: lowercase, curly
/// apostrophes to straight. Returns `None` for words over 40 bytes.
pub fn fold_into<'b>(word: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    if word.is_ascii() {
        let b = word.as_bytes();
        if b.len() > 40 {
            return None;
        }
        for (d, c) in buf.iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..b.len()]).ok();
    }
    let mut n = 0;
    let mut rest = word;
    loop {
        // a run of ASCII at a time: a long text fails on its first long run
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if n + run > 40 {
            return None;
        }
        for (d, c) in buf[n..n + run].iter_mut().zip(rest.as_bytes()) {
            *d = c.to_ascii_lowercase();
        }
        n += run;
        let mut chars = rest[run..].chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        let c = match c {
            '’' | '‘' => '\'',
            '‐' | '‑' | '–' => '-',
            c => c,
        };
        for l in crate::case::lower(c) {
            let len = l.len_utf8();
            if n + len > 40 {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Lowercases `word` (allocating), folding curly apostrophes and dashes.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut buf = [0u8; 48];
    match fold_into(word, &mut buf) {
        Some(s) => s.to_string(),
        None => to_lowercase(word),
    }
}

/// `s.to_lowercase()`, with its runs of ASCII lowercased in bulk rather
/// than character by character (a paragraph is mostly ASCII around a few
/// curly quotes).
fn to_lowercase(s: &str) -> String {
    if s.contains('Σ') {
        // its lowercase depends on the letters around it
        return crate::case::lower_str(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let n = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let at = out.len();
        out.push_str(&rest[..n]);
        out[at..].make_ascii_lowercase();
        rest = &rest[n..];
        if let Some(c) = rest.chars().next() {
            out.extend(crate::case::lower(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Scratch space for [`fold`]ing short texts (a line's first or last
/// words) without allocating: ASCII text of up to 128 bytes folds into the
/// array, anything else into the string.
pub struct FoldBuf {
    ascii: [u8; 128],
    other: String,
}

impl Default for FoldBuf {
    fn default() -> Self {
        FoldBuf {
            ascii: [0; 128],
            other: String::new(),
        }
    }
}

impl FoldBuf {
    /// [`fold`] of `s`, borrowed from the buffer.
    pub fn fold(&mut self, s: &str) -> &str {
        if s.is_ascii() && s.len() <= self.ascii.len() {
            let b = &mut self.ascii[..s.len()];
            b.copy_from_slice(s.as_bytes());
            b.make_ascii_lowercase();
            return std::str::from_utf8(b).unwrap_or_default();
        }
        self.other = fold(s);
        &self.other
    }
}

/// True when the word starts with an uppercase letter.
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// True for acronyms: 2–8 characters, at least two uppercase letters, no lowercase except a trailing `s`.
pub fn is_acronym(word: &str) -> bool {
    let w = word.strip_suffix('s').unwrap_or(word);
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    (2..=8).contains(&word.chars().count()) && upper >= 2 && !w.chars().any(|c| c.is_lowercase())
}

/// Trims whitespace and the given punctuation from both ends of `text[start..end]`.
pub fn trim_range(text: &str, mut start: usize, mut end: usize, punct: &[char]) -> (usize, usize) {
    let trim = |c: char| c.is_whitespace() || punct.contains(&c);
    while start < end {
        let c = text[start..end].chars().next().unwrap_or(' ');
        if trim(c) {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    while end > start {
        let c = text[start..end].chars().next_back().unwrap_or(' ');
        if trim(c) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    (start, end)
}

/// A fixed word list for [`one_of`], with masks of its words' lengths and
/// first bytes made at compile time to turn most misses away early.
pub(crate) struct Words {
    list: &'static [&'static str],
    lens: u64,
    firsts: u64,
}

impl Words {
    pub(crate) const fn new(list: &'static [&'static str]) -> Words {
        let (mut lens, mut firsts, mut i) = (0u64, 0u64, 0);
        while i < list.len() {
            let w = list[i].as_bytes();
            lens |= 1 << if w.len() < 63 { w.len() } else { 63 };
            if !w.is_empty() {
                firsts |= 1 << (w[0] & 63);
            }
            i += 1;
        }
        Words { list, lens, firsts }
    }
}

/// `matches!(w, "a" | "b" | ...)` as a lookup in a list: one shared
/// function in place of a chain of compares compiled at every use.
#[inline(never)]
pub(crate) fn one_of(w: &str, words: &Words) -> bool {
    let b = w.as_bytes();
    words.lens >> b.len().min(63) & 1 != 0
        && b.first().is_none_or(|&c| words.firsts >> (c & 63) & 1 != 0)
        && words.list.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, Tok)> {
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        out.iter()
            .map(|t| (t.text(s).to_string(), t.kind))
            .collect()
    }

    #[test]
    fn words_possessives_quotes_acronyms() {
        let t = toks("Pakistan’s “final message” to the U.S.-led Tehreek-e-Taliban, S. Rajaratnam said 2,500.");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            [
                "Pakistan",
                "’s",
                "“",
                "final",
                "message",
                "”",
                "to",
                "the",
                "U.S.-led",
                "Tehreek-e-Taliban",
                ",",
                "S.",
                "Rajaratnam",
                "said",
                "2,500",
                "."
            ]
        );
        assert_eq!(t[1].1, Tok::Possessive);
        assert_eq!(t[2].1, Tok::OpenQuote);
        assert_eq!(t[5].1, Tok::CloseQuote);
        assert_eq!(t[14].1, Tok::Number);
    }

    #[test]
    fn straight_quotes_and_contractions() {
        let t = toks("He said \"it's over\" today.");
        assert_eq!(t[2], ("\"".into(), Tok::OpenQuote));
        assert_eq!(t[3], ("it".into(), Tok::Word));
        assert_eq!(t[4].1, Tok::Possessive);
        assert_eq!(t[6], ("\"".into(), Tok::CloseQuote));
    }

    #[test]
    fn folded_buffer_matches_fold_of_each_word() {
        let long_pad = "a’".repeat(16) + "a"; // folds 32 bytes shorter
        let text = format!(
            "Pakistan’S “Ég” İİİ said, {long_pad} {} 2,500 ÆØÅ-led.",
            "X".repeat(50)
        );
        let mut tokens = Vec::new();
        tokenize(&text, 0, text.len(), &mut tokens);
        let f = Folded::new(&text, &tokens);
        for (i, t) in tokens.iter().enumerate() {
            let want = match t.kind {
                Tok::Word | Tok::Possessive => fold(t.text(&text)),
                _ => String::new(),
            };
            assert_eq!(f.get(i), want, "token {i} {:?}", t.text(&text));
        }
        assert_eq!(f.get(tokens.len()), "");
    }

    #[test]
    fn lowercase_in_runs_is_str_to_lowercase() {
        for s in [
            "",
            "ABC",
            "Pakistan’s “Final” MESSAGE — İSTANBUL, ÆØÅ, KELVIN \u{212A}",
            "ΟΔΟΣ ΟΔΟΣ. Σ",
            "x\u{10400}Y",
        ] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }

    #[test]
    fn folding() {
        let mut b = [0u8; 48];
        assert_eq!(fold_into("Pakistan’S", &mut b), Some("pakistan's"));
        assert_eq!(fold_into("ÆØÅ-Led–İ", &mut b), Some("æøå-led-i\u{307}"));
        // the limit is on the fold: 40 bytes pass, 41 do not, however they fold
        let forty = format!("É{}", "A".repeat(38));
        assert_eq!(
            fold_into(&forty, &mut b),
            Some(format!("é{}", "a".repeat(38)).as_str())
        );
        assert_eq!(fold_into(&format!("{forty}B"), &mut b), None);
        assert_eq!(fold_into(&format!("{forty}’"), &mut b), None);
        let curly = format!("{}’", "a’".repeat(19)); // 79 bytes, folds to 39
        assert_eq!(
            fold_into(&curly, &mut b),
            Some(format!("{}'", "a'".repeat(19)).as_str())
        );
        assert!(
            is_acronym("TTP") && is_acronym("CARs") && !is_acronym("Taliban") && !is_acronym("I")
        );
    }
}
