#pragma once

// The limits of POST /api/v1/audit/views (views of personal data, Art. 26), shared by the server that
// enforces them and the program that batches its entries.
namespace sunshine::wire {

inline constexpr int kMaxViewsPerRequest = 500;
inline constexpr int kMaxViewReasonLength = 200; // characters
inline constexpr int kMaxViewRecordIdLength = 64;

} // namespace sunshine::wire
