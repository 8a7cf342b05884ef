#pragma once

#include "common/auth/Scope.h"

// The server writes some records itself: a consequence of a clerk's change (a rectification ordered by a
// warning's outcome), a spot-check draw, a warning raised by a rule. It writes them as an actor no account
// can be: an id starting with "server:" (account ids are UUIDs). Record types let such an actor write the
// fields that only the server sets.
namespace sunshine {

inline constexpr char16_t kConsequenceActorId[] = u"server:consequence";

inline bool isServerActor(const Scope &actor)
{
    return actor.userId.startsWith(QStringLiteral("server:"));
}

} // namespace sunshine
