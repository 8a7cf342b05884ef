#include "app/sync/ClientModule.h"

namespace sunshine::app {

// The class's meta-object and virtual table live here (moc compiles them beside this file).
ClientModule::~ClientModule() = default;

} // namespace sunshine::app
