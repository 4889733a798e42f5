//! Record ids: a stable hash for tie-breaking and a compact set that refuses
//! duplicates. Read by the record reader, the corpus and the live index.

/// A hash of a statement id that does not change between runs or builds.
pub(crate) fn id_hash(id: &str) -> u64 {
    // FNV-1a: tiny, stable, good enough for tie-breaking.
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A set of record ids, to refuse a duplicate without an allocation per
/// id: the ids sit in one arena, a 64-bit hash of each points at the first
/// id with it, and an id whose hash another id already took is kept apart
/// in full. The hash map is keyed by a number, so no input can make it
/// degrade.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    buf: String,
    ends: Vec<u32>,
    first: std::collections::HashMap<u64, u32>,
    taken: std::collections::HashSet<Box<str>>,
}

impl Ids {
    /// Adds `id`; false when it was already there.
    pub fn insert(&mut self, id: &str) -> bool {
        self.insert_hashed(id_hash(id), id)
    }

    fn get(&self, k: u32) -> &str {
        let k = k as usize;
        let from = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.buf[from..self.ends[k] as usize]
    }

    fn insert_hashed(&mut self, h: u64, id: &str) -> bool {
        match self.first.get(&h) {
            Some(&k) if self.get(k) == id => false,
            Some(_) => self.taken.insert(id.into()),
            None => {
                let k = self.ends.len() as u32;
                self.buf.push_str(id);
                // An id arena past 4 GiB keeps its ids in full instead.
                match u32::try_from(self.buf.len()) {
                    Ok(end) => {
                        self.ends.push(end);
                        self.first.insert(h, k);
                        true
                    }
                    Err(_) => {
                        self.buf.truncate(self.buf.len() - id.len());
                        self.taken.insert(id.into())
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_refuse_duplicates_even_when_hashes_meet() {
        let mut ids = Ids::default();
        assert!(ids.insert("a") && ids.insert("b"));
        assert!(!ids.insert("a") && !ids.insert("b"));
        // "x" and "y" under one hash: each is still told apart.
        assert!(ids.insert_hashed(7, "x"));
        assert!(ids.insert_hashed(7, "y"));
        assert!(!ids.insert_hashed(7, "x") && !ids.insert_hashed(7, "y"));
        assert!(ids.insert_hashed(7, "z"));
        assert!(ids.insert("é✓") && !ids.insert("é✓"));
    }
}
