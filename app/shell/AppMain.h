#pragma once

namespace sunshine::app {

// The desktop program: options, translations, fonts, then the AppController.
int appMain(int argc, char *argv[]);

} // namespace sunshine::app
