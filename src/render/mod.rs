//! Stage 4, render: the resolved model as files people and programs read.

pub mod json;
