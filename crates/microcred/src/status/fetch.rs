//! Where status lists come from. The core never opens a connection: a fetcher is supplied by the
//! caller (an HTTP client on a server, `fetch()` in a browser, files downloaded beforehand).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::FetchError;

/// Gets the bytes of a status list credential (JSON) by URL.
///
/// Implementations must be shareable across threads: one verifier checks many credentials in
/// parallel with the same fetcher.
pub trait StatusFetcher: Send + Sync {
    /// The bytes of the status list credential at `url`.
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError>;
}

impl<T: StatusFetcher + ?Sized> StatusFetcher for &T {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        (**self).fetch(url)
    }
}

impl<T: StatusFetcher + ?Sized> StatusFetcher for Arc<T> {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        (**self).fetch(url)
    }
}

impl<T: StatusFetcher + ?Sized> StatusFetcher for Box<T> {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        (**self).fetch(url)
    }
}

/// The offline fetcher: every fetch fails with [`FetchError::Offline`], so status checks come out
/// indeterminate. Never "not revoked": not knowing is not a clean bill of health.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFetcher;

impl StatusFetcher for NoFetcher {
    fn fetch(&self, _url: &str) -> Result<Vec<u8>, FetchError> {
        Err(FetchError::Offline)
    }
}

/// Status lists held in memory by URL: for tests, and for lists downloaded beforehand (a batch
/// job that fetches each list once, an air-gapped verifier).
#[derive(Debug, Clone, Default)]
pub struct StaticFetcher {
    lists: HashMap<String, Vec<u8>>,
}

impl StaticFetcher {
    /// No lists.
    pub fn new() -> Self {
        Self::default()
    }

    /// Serves `bytes` for `url` (replacing what was there).
    pub fn insert(&mut self, url: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.lists.insert(url.into(), bytes.into());
    }

    /// [`insert`](Self::insert), builder style.
    pub fn with(mut self, url: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.insert(url, bytes);
        self
    }

    /// The number of lists held.
    pub fn len(&self) -> usize {
        self.lists.len()
    }

    /// Whether no list is held.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }
}

impl StatusFetcher for StaticFetcher {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        self.lists
            .get(url)
            .cloned()
            .ok_or_else(|| FetchError::NotFound {
                url: url.to_owned(),
            })
    }
}

type Slot = Arc<OnceLock<Result<Arc<Vec<u8>>, FetchError>>>;

/// Fetches each URL once through the wrapped fetcher and keeps the result, success or failure,
/// for the life of the cache. Many credentials share a few status lists, so a batch run fetches
/// each list once; an unreachable list is not retried for every credential either.
///
/// Safe to share across threads: concurrent requests for the same URL wait for one fetch, requests
/// for different URLs proceed in parallel. Nothing expires: create a new cache (or
/// [`clear`](Self::clear) it) when lists must be fetched afresh.
#[derive(Debug)]
pub struct CachingFetcher<F> {
    inner: F,
    slots: Mutex<HashMap<String, Slot>>,
}

impl<F: StatusFetcher> CachingFetcher<F> {
    /// Caches what `inner` fetches.
    pub fn new(inner: F) -> Self {
        Self {
            inner,
            slots: Mutex::new(HashMap::new()),
        }
    }

    /// The wrapped fetcher.
    pub fn inner(&self) -> &F {
        &self.inner
    }

    /// Forgets every cached result.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// The number of URLs cached (fetched or being fetched).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Slot>> {
        // A panic in another thread while it held the lock leaves a map that is still consistent
        // (entries are inserted whole), so carry on with it.
        self.slots
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl<F: StatusFetcher> StatusFetcher for CachingFetcher<F> {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        // The map lock is held only to find the slot; the fetch itself runs outside it.
        let slot = self.lock().entry(url.to_owned()).or_default().clone();
        slot.get_or_init(|| self.inner.fetch(url).map(Arc::new))
            .as_ref()
            .map(|bytes| bytes.to_vec())
            .map_err(Clone::clone)
    }
}
