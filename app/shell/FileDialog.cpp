#include "app/shell/FileDialog.h"

#include <QFileDialog>
#include <optional>

namespace sunshine::app {

namespace {

std::optional<QStringList> g_next;
QString g_lastProposed;

std::optional<QStringList> takeNext(const QString &proposed)
{
    g_lastProposed = proposed;
    std::optional<QStringList> next = std::move(g_next);
    g_next.reset();
    return next;
}

} // namespace

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    if (const std::optional<QStringList> next = takeNext(dir))
        return next->value(0);
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QStringList FileDialog::getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                         const QString &filter)
{
    if (const std::optional<QStringList> next = takeNext(dir))
        return *next;
    return QFileDialog::getOpenFileNames(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    if (const std::optional<QStringList> next = takeNext(dir))
        return next->value(0);
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    g_next = fileName.isEmpty() ? QStringList() : QStringList{fileName};
}

void FileDialog::setNextFileNames(const QStringList &fileNames)
{
    g_next = fileNames;
}

QString FileDialog::lastProposed()
{
    return g_lastProposed;
}

} // namespace sunshine::app
