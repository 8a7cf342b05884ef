#pragma once

#include <QString>

namespace sunshine::password {

inline constexpr int kMinLength = 8;
inline constexpr int kMaxLength = 128;

// Empty when acceptable; otherwise the Chinese reason. At least 8 characters with three of: upper-case
// letters, lower-case letters, digits, other characters; not the same as the user name.
QString policyViolation(const QString &password, const QString &username = {});

} // namespace sunshine::password
