#pragma once

#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/sync/ClientSession.h"

#include <memory>

namespace sunshine::test {

// A signed-in user's program as the app tests drive it: the cache synced once from the fixture, then opened
// by a ClientSession as the app does, with the org units and departments fetched.
struct AppProgram
{
    std::unique_ptr<SyncClient> client;
    std::unique_ptr<app::ClientSession> session;

    // Signs `username` in, syncs into `cachePath` and opens the session; false (with a warning) on failure.
    bool open(ServerFixture &server, const QString &username, const QString &cachePath);
};

} // namespace sunshine::test
