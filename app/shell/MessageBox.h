#pragma once

#include <QMessageBox>
#include <QString>

namespace sunshine::app {

// The program's message boxes, with a hook for tests (as KeePassXC's MessageBox): an answer set by
// setNextAnswer() is returned by the next box instead of showing it, so flows that end in a message run
// unattended, and the test can read what the clerk would have been told.
class MessageBox
{
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button information(QWidget *parent, const QString &title, const QString &text,
                              Buttons buttons = QMessageBox::Ok,
                              Button defaultButton = QMessageBox::NoButton);
    static Button warning(QWidget *parent, const QString &title, const QString &text,
                          Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton);
    static Button critical(QWidget *parent, const QString &title, const QString &text,
                           Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton);
    static Button question(QWidget *parent, const QString &title, const QString &text,
                           Buttons buttons = Buttons(QMessageBox::Yes | QMessageBox::No),
                           Button defaultButton = QMessageBox::NoButton);

    // Tests: the answer of the next box, used once; the boxes after it show as usual.
    static void setNextAnswer(Button answer);
    static void clearNextAnswer();
    // Tests: the title and text of the last box asked for (shown or answered by the hook).
    static QString lastTitle();
    static QString lastText();
};

} // namespace sunshine::app
