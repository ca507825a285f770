//! Bit-packed integers for posting lists: Rice codes for the gaps between
//! posts and Elias gamma codes for term frequencies.
//!
//! Bits fill each byte from its lowest bit up. A gap costs about
//! `log2(mean gap) + 1.5` bits and a term frequency of 1 (most postings)
//! costs one bit, where whole bytes per posting cost twice as much.

use super::shard::ShardError;

#[derive(Debug, Default)]
pub(crate) struct BitWriter {
    pub bytes: Vec<u8>,
    used: u32,
}

impl BitWriter {
    fn push_bit(&mut self, bit: bool) {
        if self.used.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if bit {
            *self.bytes.last_mut().expect("a byte was pushed") |= 1 << (self.used % 8);
        }
        self.used += 1;
    }

    /// The low `count` bits of `value`, lowest first.
    fn push_bits(&mut self, value: u32, count: u32) {
        for i in 0..count {
            self.push_bit(value >> i & 1 == 1);
        }
    }

    fn push_unary(&mut self, value: u32) {
        for _ in 0..value {
            self.push_bit(true);
        }
        self.push_bit(false);
    }

    /// `value` as a Rice code with parameter `k`: `value >> k` in unary, then the low `k` bits.
    pub fn push_rice(&mut self, value: u32, k: u32) {
        self.push_unary(value >> k);
        self.push_bits(value, k);
    }

    /// `value` (at least 1) as an Elias gamma code: its bit length less one in unary, then the bits below its top bit.
    pub fn push_gamma(&mut self, value: u32) {
        let bits = u32::BITS - value.max(1).leading_zeros() - 1;
        self.push_unary(bits);
        self.push_bits(value, bits);
    }
}

/// Bits a Rice code of `value` with parameter `k` takes.
pub(crate) fn rice_len(value: u32, k: u32) -> u64 {
    u64::from(value >> k) + 1 + u64::from(k)
}

/// Bits an Elias gamma code of `value` takes.
pub(crate) fn gamma_len(value: u32) -> u64 {
    u64::from(2 * (u32::BITS - value.max(1).leading_zeros()) - 1)
}

/// The Rice parameter that codes `values` in the fewest bits.
pub(crate) fn best_rice_parameter(values: impl Iterator<Item = u32> + Clone) -> u32 {
    (0..MAX_RICE_PARAMETER)
        .min_by_key(|k| values.clone().map(|v| rice_len(v, *k)).sum::<u64>())
        .unwrap_or(0)
}

/// Rice parameters are stored in four bits.
pub(crate) const MAX_RICE_PARAMETER: u32 = 16;

/// Reads what [`BitWriter`] wrote, from `bytes[at..]`.
pub(crate) struct BitReader<'a> {
    bytes: &'a [u8],
    bit: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8], at: usize) -> BitReader<'a> {
        BitReader { bytes, bit: at * 8 }
    }

    fn bit(&mut self) -> Result<bool, ShardError> {
        let byte = self.bytes.get(self.bit / 8).ok_or(ShardError::Truncated)?;
        let value = byte >> (self.bit % 8) & 1 == 1;
        self.bit += 1;
        Ok(value)
    }

    fn bits(&mut self, count: u32) -> Result<u32, ShardError> {
        let mut value = 0;
        for i in 0..count {
            value |= u32::from(self.bit()?) << i;
        }
        Ok(value)
    }

    fn unary(&mut self) -> Result<u32, ShardError> {
        let mut value = 0u32;
        while self.bit()? {
            // No list of this index has a gap this long; the bytes are not a shard.
            value = value
                .checked_add(1)
                .filter(|v| *v < 1 << 26)
                .ok_or(ShardError::Format)?;
        }
        Ok(value)
    }

    pub fn rice(&mut self, k: u32) -> Result<u32, ShardError> {
        let high = self.unary()?;
        let low = self.bits(k)?;
        high.checked_shl(k)
            .filter(|v| v >> k == high)
            .map(|v| v | low)
            .ok_or(ShardError::Format)
    }

    pub fn gamma(&mut self) -> Result<u32, ShardError> {
        let bits = self.unary()?;
        if bits >= u32::BITS {
            return Err(ShardError::Format);
        }
        Ok(1 << bits | self.bits(bits)?)
    }

    /// The byte after the last bit read.
    pub fn byte_end(&self) -> usize {
        self.bit.div_ceil(8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rice_and_gamma_codes_round_trip_and_cost_what_they_say() {
        let values = [0u32, 1, 2, 7, 8, 100, 5_000, 65_535];
        for k in [0, 1, 3, 7, 15] {
            let mut writer = BitWriter::default();
            for v in values {
                writer.push_rice(v, k);
                writer.push_gamma(v + 1);
            }
            let expected: u64 = values
                .iter()
                .map(|v| rice_len(*v, k) + gamma_len(v + 1))
                .sum();
            assert_eq!(writer.used as u64, expected);
            let mut reader = BitReader::new(&writer.bytes, 0);
            for v in values {
                assert_eq!(reader.rice(k), Ok(v));
                assert_eq!(reader.gamma(), Ok(v + 1));
            }
            assert_eq!(reader.byte_end(), writer.bytes.len());
        }
    }

    #[test]
    fn the_best_parameter_follows_the_size_of_the_values() {
        assert_eq!(best_rice_parameter([0u32, 0, 1, 0].into_iter()), 0);
        assert!(best_rice_parameter([900u32, 1100, 1000].into_iter()) >= 8);
    }

    #[test]
    fn reading_past_the_end_is_an_error() {
        let mut reader = BitReader::new(&[0xFF], 0);
        assert_eq!(reader.gamma(), Err(ShardError::Truncated));
    }
}
