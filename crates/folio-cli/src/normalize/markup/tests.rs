//! Table tests for the markup pass.
