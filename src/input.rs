//! Stage 0: raw bytes → text. Decodes what a user may upload (UTF-8 with or
//! without BOM, UTF-16 with BOM), repairs stray invalid UTF-8 and refuses
//! binary files with a one-line reason.

use std::borrow::Cow;

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Looks like a binary file (NUL bytes or many control characters).
    Binary,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "this looks like a binary file, not text"),
        }
    }
}

/// Decoded text plus a warning when anything had to be repaired.
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Set when invalid UTF-8 was replaced or an encoding was converted.
    pub warning: Option<String>,
}

/// Decodes `bytes` as an article.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    // A loop, not recursion: a file of a million BOMs must not overflow the stack.
    let mut bytes = bytes;
    while let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        bytes = rest;
    }
    let utf16 = |le: bool, rest: &[u8]| {
        let pairs = rest.chunks_exact(2);
        // an odd last byte is half a code unit: shown as U+FFFD, not dropped
        let odd = !pairs.remainder().is_empty();
        let units = pairs.map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        let mut text: String = char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect();
        if odd {
            text.push('\u{FFFD}');
        }
        Decoded {
            text: Cow::Owned(text),
            warning: Some("converted from UTF-16".into()),
        }
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(true, rest));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(false, rest));
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    Ok(match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(s) => Decoded {
            text: Cow::Borrowed(s),
            warning: None,
        },
        Cow::Owned(s) => Decoded {
            text: Cow::Owned(s),
            warning: Some("invalid UTF-8 bytes were replaced with U+FFFD".into()),
        },
    })
}

/// NUL bytes, or more than 10% control characters in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kabul said".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Kabul said");
    }

    #[test]
    fn binary_is_refused_and_bad_utf8_repaired() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00").err(),
            Some(DecodeError::Binary)
        );
        let d = decode(b"Kabul \xff said").unwrap();
        assert_eq!(d.text, "Kabul \u{FFFD} said");
        assert!(d.warning.is_some());
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().text, "hi");
    }
}
