#pragma once

#include <QStringList>

namespace sunshine {

// The sunshine-server command line: serve (default), audit-verify, create-admin.
int serverMain(const QStringList &arguments);

} // namespace sunshine
