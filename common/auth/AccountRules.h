#pragma once

#include "common/auth/Role.h"

#include <QString>

namespace sunshine::accounts {

inline constexpr int kUsernameMax = 32;
inline constexpr int kDisplayNameMax = 40;
inline constexpr int kPhoneMax = 20;

// Each returns an empty string when acceptable, else the Chinese reason.
// User names: 3-32 characters of a-z, 0-9, '.', '_' and '-', starting with a letter (stored lower-case).
QString usernameViolation(const QString &username);
QString displayNameViolation(const QString &displayName);
// Optional; mobile (11 digits starting with 1) or a landline like 0513-12345678.
QString phoneViolation(const QString &phone);
QString rolesViolation(const RoleSet &roles);

// "138****5678": mobile numbers keep the first 3 and last 4 digits, landlines the area code and last 2.
QString maskedPhone(const QString &phone);

} // namespace sunshine::accounts
