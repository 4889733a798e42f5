//! Tests of actor normalization.
