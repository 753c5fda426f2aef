//! What the profile walker sees of a node: each typed field with its JSON key, how many values it
//! holds and the nodes it holds. `elm_class!` generates [`Fields`] for every class from the same
//! list of fields it reads and writes, so a field added to the model is walked without being named
//! a second time.

use serde_json::Value;

use super::node::NodeRef;
use super::{Claim, DateTime, Duration, LangMap};

/// A typed field, as the walker sees it.
pub(crate) trait Member {
    /// How many values the field holds; a blank text (spaces only) counts as none, as does a
    /// language map whose texts are all blank.
    fn count(&self) -> usize;

    /// The most values the field can hold (`Some(1)` for a field the model holds once, which
    /// the reader enforces: several values are kept aside and reported as `edc.too_many.*`).
    /// Only the tests ask.
    #[cfg(test)]
    fn max(&self) -> Option<usize> {
        Some(1)
    }

    /// Calls `visit(index, len, node)` for each node the field holds (`len` is the length of the
    /// list, 1 for a single value).
    fn nodes<'a>(&'a self, visit: &mut dyn FnMut(usize, usize, NodeRef<'a>)) {
        let _ = visit;
    }
}

/// The typed fields of a class, in the order the writer emits them.
pub(crate) trait Fields {
    /// Calls `visit(key, field)` for each typed field (not `id`, `type` or `extra`).
    fn fields<'a>(&'a self, visit: &mut dyn FnMut(&'static str, &'a dyn Member));
}

impl Member for String {
    fn count(&self) -> usize {
        usize::from(!self.trim().is_empty())
    }
}

impl Member for LangMap {
    fn count(&self) -> usize {
        usize::from(!self.is_blank())
    }

    #[cfg(test)]
    fn max(&self) -> Option<usize> {
        None
    }
}

macro_rules! leaf {
    ($($ty:ty),*) => {$(
        impl Member for $ty {
            fn count(&self) -> usize {
                1
            }
        }
    )*};
}

leaf!(bool, u64, DateTime, Duration, Value);

impl<T: Member> Member for Option<T> {
    fn count(&self) -> usize {
        self.as_ref().map_or(0, Member::count)
    }

    fn nodes<'a>(&'a self, visit: &mut dyn FnMut(usize, usize, NodeRef<'a>)) {
        if let Some(value) = self {
            value.nodes(visit);
        }
    }
}

impl<T: Member> Member for Vec<T> {
    fn count(&self) -> usize {
        self.iter().map(Member::count).sum()
    }

    #[cfg(test)]
    fn max(&self) -> Option<usize> {
        None
    }

    fn nodes<'a>(&'a self, visit: &mut dyn FnMut(usize, usize, NodeRef<'a>)) {
        let len = self.len();
        for (i, value) in self.iter().enumerate() {
            value.nodes(&mut |_, _, node| visit(i, len, node));
        }
    }
}

impl<T: Member> Member for Box<T> {
    fn count(&self) -> usize {
        (**self).count()
    }

    fn nodes<'a>(&'a self, visit: &mut dyn FnMut(usize, usize, NodeRef<'a>)) {
        (**self).nodes(visit);
    }
}

impl Member for Claim {
    fn count(&self) -> usize {
        1
    }

    fn nodes<'a>(&'a self, visit: &mut dyn FnMut(usize, usize, NodeRef<'a>)) {
        match self {
            Claim::Achievement(c) => c.nodes(visit),
            Claim::Activity(c) => c.nodes(visit),
            Claim::Assessment(c) => c.nodes(visit),
            Claim::Entitlement(c) => c.nodes(visit),
        }
    }
}
