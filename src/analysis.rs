//! The analysed corpus: the stored records, their actors, their packed
//! claims, the index over those claims and the proper names mentioned
//! together. The batch detector and the live index both hold one, and the
//! judge, the explanation and the report read claims through it.

use crate::actor::Actor;
use crate::corpus::{ClaimRef, Claims, NameLinks, Packed, Party, Side, Store};
use crate::index::Index;

/// A corpus after analysis: records, actors, packed claims, their index and
/// the names mentioned together.
pub(crate) struct Corpus {
    pub store: Store,
    /// Statement i's actor (its strings shared with every record naming it).
    pub actors: Vec<Actor>,
    pub claims: Claims,
    pub index: Index,
    pub links: NameLinks,
}

impl Corpus {
    /// The claim at `r`.
    pub fn claim(&self, r: ClaimRef) -> Packed<'_> {
        self.claims.claim(r)
    }

    /// The claim at `r` as the judge sees it.
    pub fn side(&self, r: ClaimRef) -> Side<'_> {
        Side {
            actor: &self.actors[r.stmt as usize].id,
            kind: self.actors[r.stmt as usize].kind,
            store: &self.store,
            stmt: r.stmt,
            claim: self.claim(r),
        }
    }

    /// The claim at `r` with its record and actor, to explain a verdict.
    pub fn party(&self, r: ClaimRef) -> Party<'_> {
        Party {
            doc: self.store.doc(r.stmt as usize),
            actor: &self.actors[r.stmt as usize],
            claim: self.claim(r),
        }
    }
}
