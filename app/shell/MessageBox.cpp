#include "app/shell/MessageBox.h"

#include <optional>
#include <utility>

namespace sunshine::app {

namespace {

std::optional<MessageBox::Button> g_next;
QString g_lastTitle;
QString g_lastText;

using Show = MessageBox::Button (*)(QWidget *, const QString &, const QString &, MessageBox::Buttons,
                                    MessageBox::Button);

// The hook's answer if one is set, else the box shown; remembers what was asked.
MessageBox::Button ask(Show show, QWidget *parent, const QString &title, const QString &text,
                       MessageBox::Buttons buttons, MessageBox::Button defaultButton)
{
    g_lastTitle = title;
    g_lastText = text;
    if (const std::optional<MessageBox::Button> next = std::exchange(g_next, std::nullopt))
        return *next;
    return show(parent, title, text, buttons, defaultButton);
}

} // namespace

MessageBox::Button MessageBox::information(QWidget *parent, const QString &title, const QString &text,
                                           Buttons buttons, Button defaultButton)
{
    return ask(&QMessageBox::information, parent, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::warning(QWidget *parent, const QString &title, const QString &text,
                                       Buttons buttons, Button defaultButton)
{
    return ask(&QMessageBox::warning, parent, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::critical(QWidget *parent, const QString &title, const QString &text,
                                        Buttons buttons, Button defaultButton)
{
    return ask(&QMessageBox::critical, parent, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                        Buttons buttons, Button defaultButton)
{
    return ask(&QMessageBox::question, parent, title, text, buttons, defaultButton);
}

void MessageBox::setNextAnswer(Button answer)
{
    g_next = answer;
}

void MessageBox::clearNextAnswer()
{
    g_next.reset();
}

QString MessageBox::lastTitle()
{
    return g_lastTitle;
}

QString MessageBox::lastText()
{
    return g_lastText;
}

} // namespace sunshine::app
