//! The search index's text analyzer: words in any script, folded so that case, accents and
//! combining marks (Latin diacritics, Arabic harakat, Hebrew points) do not matter. The same
//! analyzer reads the records and the user's query, so both fold alike.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The name the analyzer is registered under in the index.
pub const ANALYZER: &str = "ncen_text";

/// Longer words (in bytes) are not indexed: they are noise, not names or references.
const LONGEST_WORD: usize = 100;

/// Arabic tatweel (kashida): a stretching stroke, not part of the word.
const TATWEEL: char = '\u{0640}';

/// Words → lower case → combining marks removed → Latin letters folded to ASCII.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(StripMarks)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The analysed words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Splits text into runs of letters, digits and combining marks, so that a word written with
/// decomposed accents (`u` + U+0308) stays one word. Everything else separates words.
#[derive(Clone, Default, Debug)]
pub struct WordTokenizer {
    token: Token,
}

/// The words of one text.
#[derive(Debug)]
pub struct WordStream<'a> {
    text: &'a str,
    chars: std::str::CharIndices<'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream { text, chars: text.char_indices(), token: &mut self.token }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while let Some((from, c)) = self.chars.next() {
            if is_word_char(c) {
                let to =
                    self.chars.by_ref().find(|(_, c)| !is_word_char(*c)).map_or(self.text.len(), |(i, _)| i);
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.text.push_str(&self.text[from..to]);
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Removes combining marks (Unicode category M) after canonical decomposition, and the Arabic
/// tatweel; a word that was only marks is dropped. `é` becomes `e`, `مُحَمَّد` becomes `محمد`,
/// `й` becomes `и`.
#[derive(Clone, Debug)]
pub struct StripMarks;

impl TokenFilter for StripMarks {
    type Tokenizer<T: Tokenizer> = StripMarksFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StripMarksFilter<T> {
        StripMarksFilter { tokenizer, buffer: String::new() }
    }
}

#[derive(Clone, Debug)]
pub struct StripMarksFilter<T> {
    tokenizer: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for StripMarksFilter<T> {
    type TokenStream<'a> = StripMarksStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.buffer.clear();
        StripMarksStream { tail: self.tokenizer.token_stream(text), buffer: &mut self.buffer }
    }
}

#[derive(Debug)]
pub struct StripMarksStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for StripMarksStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if self.tail.token().text.is_ascii() {
                return true;
            }
            self.buffer.clear();
            self.buffer
                .extend(self.tail.token().text.nfd().filter(|c| !is_combining_mark(*c) && *c != TATWEEL));
            std::mem::swap(&mut self.tail.token_mut().text, self.buffer);
            if !self.tail.token().text.is_empty() {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn latin_folds_case_and_accents() {
        assert_eq!(words("Müller"), words("muller"));
        assert_eq!(words("MÜLLER"), ["muller"]);
        // The same word with a decomposed diaeresis (u + U+0308) stays one word.
        assert_eq!(words("Mu\u{0308}ller"), ["muller"]);
        assert_eq!(words("François Gaëlle Ørsted Straße"), ["francois", "gaelle", "orsted", "strasse"]);
        assert_eq!(words("São Paulo, Łódź"), ["sao", "paulo", "lodz"]);
        assert_eq!(words("İSTANBUL"), words("istanbul"));
    }

    #[test]
    fn cyrillic_folds_case() {
        assert_eq!(words("МОСКВА"), ["москва"]);
        assert_eq!(words("Москва"), words("москва"));
        assert_eq!(words("Ёлкин Йошкар-Ола"), ["елкин", "иошкар", "ола"]);
    }

    #[test]
    fn arabic_loses_harakat_and_tatweel() {
        assert_eq!(words("مُحَمَّد"), words("محمد"));
        assert_eq!(words("محـــمد"), words("محمد"));
        assert_eq!(words("مُحَمَّد"), ["محمد"]);
        // Hamza on alef is a combining mark once decomposed: أحمد and احمد meet.
        assert_eq!(words("أحمد"), words("احمد"));
        // A lone mark is no word.
        assert!(words("\u{064E} \u{0651}").is_empty());
    }

    #[test]
    fn punctuation_and_digits() {
        assert_eq!(words("NL-2026-900123 MSCU1234567"), ["nl", "2026", "900123", "mscu1234567"]);
        assert_eq!(words("  ...!!  "), Vec::<String>::new());
        assert_eq!(words("北京 東京"), ["北京", "東京"]);
    }
}
