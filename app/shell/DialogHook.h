#pragma once

#include <QDialog>
#include <functional>
#include <utility>

namespace sunshine::app {

// Where a view shows a dialog of type D and waits for it, a test can fill it instead (as KeePassXC's
// MessageBox::setNextAnswer does): the next dialog of that type is handed to `fill` (which submits it or not)
// and never shown. Tests only; one dialog at a time.
template <class D>
class DialogHook
{
public:
    static void setNext(std::function<void(D &)> fill) { slot() = std::move(fill); }
    // The dialog's result: filled by the hook when one is set, otherwise shown modally.
    static int run(D &dialog)
    {
        if (auto fill = std::exchange(slot(), nullptr)) {
            fill(dialog);
            return dialog.result();
        }
        return dialog.exec();
    }

private:
    static std::function<void(D &)> &slot()
    {
        static std::function<void(D &)> fill;
        return fill;
    }
};

} // namespace sunshine::app
