//! Mutations of real inputs, as a fuzzer makes them, on stable Rust and the same every run: bit flips, bytes
//! that matter to parsers, truncation, chunks and lines dropped, doubled and swapped, huge and negative numbers,
//! deep nesting, and pieces of other inputs spliced in.

#![allow(dead_code, reason = "each test file uses some of these")]

/// Pseudo-random numbers (SplitMix64): the same sequence for the same seed.
pub struct Dice(pub u64);

impl Dice {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Bytes that mean something to the readers: quotes, brackets, separators, line ends, NUL, invalid UTF-8.
const SPECIAL: &[&[u8]] = &[
    b"\"",
    b"'",
    b"<",
    b">",
    b"</",
    b"{",
    b"}",
    b"[",
    b"]",
    b"(",
    b")",
    b",",
    b";",
    b":",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    b"\xf0\x9f\x98",
    b"&amp;",
    b"&#",
    b"\\",
    b"\\u00",
    b"#",
    b"*",
    b"-->",
    b"<!--",
    b"]]>",
    b"\xef\xbb\xbf",
    b"\xe2\x80\xa8",
    b"\xc2\x85",
    b"\x0c",
];

/// Numbers that break arithmetic: huge, negative, fractional, out of every integer type.
const NUMBERS: &[&[u8]] = &[
    b"0",
    b"-1",
    b"4294967295",
    b"4294967296",
    b"9223372036854775807",
    b"18446744073709551615",
    b"18446744073709551616",
    b"99999999999999999999999999",
    b"1e308",
    b"-0",
    b"1.5",
    b"NaN",
];

/// One mutation of `input`, with pieces of `others` available for splicing.
pub fn mutate(input: &[u8], others: &[&[u8]], dice: &mut Dice) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + dice.below(4);
    for _ in 0..rounds {
        out = mutate_once(&out, others, dice);
    }
    out
}

fn mutate_once(input: &[u8], others: &[&[u8]], dice: &mut Dice) -> Vec<u8> {
    let mut out = input.to_vec();
    let len = out.len();
    let at = dice.below(len + 1);
    match dice.below(13) {
        0 if len > 0 => {
            let i = dice.below(len);
            out[i] ^= 1 << dice.below(8);
        }
        1 if len > 0 => {
            let i = dice.below(len);
            out[i] = dice.next() as u8;
        }
        2 => {
            let special = SPECIAL[dice.below(SPECIAL.len())];
            out.splice(at..at, special.iter().copied());
        }
        3 => out.truncate(at),
        4 if len > 0 => {
            let end = (at + 1 + dice.below(64)).min(len);
            out.drain(at.min(end)..end);
        }
        5 if len > 0 => {
            let start = dice.below(len);
            let end = (start + 1 + dice.below(256)).min(len);
            let chunk = out[start..end].to_vec();
            let times = 1 + dice.below(3);
            for _ in 0..times {
                out.splice(at..at, chunk.iter().copied());
            }
        }
        6 => out = lines(&out, dice),
        7 => {
            // A number where a number is: replaced by one that breaks arithmetic.
            let digits: Vec<usize> = (0..len).filter(|&i| out[i].is_ascii_digit()).collect();
            let number = NUMBERS[dice.below(NUMBERS.len())];
            match digits.get(dice.below(digits.len().max(1))) {
                Some(&start) => {
                    let end = (start..len).find(|&i| !out[i].is_ascii_digit()).unwrap_or(len);
                    out.splice(start..end, number.iter().copied());
                }
                None => {
                    out.splice(at..at, number.iter().copied());
                }
            }
        }
        8 => {
            // Deep nesting of whatever opens here.
            let open: &[&[u8]] = &[b"<div>", b"[", b"{\"a\":", b"(", b"<b><i>", b"> "];
            let opener = open[dice.below(open.len())];
            let depth = 1 + dice.below(3000);
            let nested: Vec<u8> = opener.iter().copied().cycle().take(opener.len() * depth).collect();
            out.splice(at..at, nested);
        }
        9 if !others.is_empty() => {
            let other = others[dice.below(others.len())];
            if !other.is_empty() {
                let start = dice.below(other.len());
                let end = (start + 1 + dice.below(512)).min(other.len());
                out.splice(at..at, other[start..end].iter().copied());
            }
        }
        10 if len > 1 => {
            // Two chunks swapped.
            let a = dice.below(len);
            let b = dice.below(len);
            let (a, b) = (a.min(b), a.max(b));
            let n = dice.below(32).min(b - a).min(len - b);
            for i in 0..n {
                out.swap(a + i, b + i);
            }
        }
        11 => out.extend(std::iter::repeat_n(b' ', dice.below(4)).chain(b"\n".iter().copied())),
        _ => {
            let special = SPECIAL[dice.below(SPECIAL.len())];
            if len > 0 {
                let i = dice.below(len);
                out.splice(i..(i + 1).min(len), special.iter().copied());
            }
        }
    }
    out
}

/// Line-wise mutations: a line doubled, dropped, moved, or the lines shuffled a little.
fn lines(input: &[u8], dice: &mut Dice) -> Vec<u8> {
    let mut lines: Vec<&[u8]> = input.split_inclusive(|&b| b == b'\n').collect();
    if lines.is_empty() {
        return input.to_vec();
    }
    let i = dice.below(lines.len());
    match dice.below(4) {
        0 => {
            let line = lines[i];
            lines.insert(i, line);
        }
        1 => {
            lines.remove(i);
        }
        2 => {
            let j = dice.below(lines.len());
            lines.swap(i, j);
        }
        _ => {
            let line = lines[i];
            let times = 2 + dice.below(20);
            for _ in 0..times {
                lines.insert(i, line);
            }
        }
    }
    lines.concat()
}
