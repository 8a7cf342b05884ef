#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace sunshine::app {

// The program's file dialogs, with a hook for tests (as KeePassXC's FileDialog): a name set by
// setNextFileName() is returned by the next dialog instead of asking, so export and import flows run
// unattended. An empty answer means the clerk cancelled.
class FileDialog
{
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir = QString(),
                                   const QString &filter = QString());
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption,
                                        const QString &dir = QString(), const QString &filter = QString());
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir = QString(),
                                   const QString &filter = QString());

    // Tests: the answer of the next dialog (an empty name: cancelled), used once.
    static void setNextFileName(const QString &fileName);
    static void setNextFileNames(const QStringList &fileNames);
    // Tests: what the last dialog proposed (its directory or suggested file name).
    static QString lastProposed();
};

} // namespace sunshine::app
