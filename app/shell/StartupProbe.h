#pragma once

#include <QAbstractItemView>
#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QFile>
#include <QMainWindow>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>
#include <chrono>

namespace sunshine::app {

// Start-up timing for the benchmark (tests/bench/bench_app): watches the paint events of the program and,
// once the item view inside the widget named `tableName` has painted its first page, writes a small report
// and quits. Times are steady-clock nanoseconds, so the launching process can compare them with its own.
// Only created with --benchmark-startup; the program behaves the same otherwise. Header-only, so the bare Qt
// baseline program of the benchmark measures with the very same code.
class StartupProbe final : public QObject
{
public:
    static qint64 nowNs()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    StartupProbe(QString reportFile, QString tableName, qint64 mainNs)
        : m_file(std::move(reportFile))
        , m_tableName(std::move(tableName))
    {
        mark("main", mainNs);
        mark("app", nowNs());
        qApp->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_done || !watched->isWidgetType())
            return false;
        const QEvent::Type type = event->type();
        if (type != QEvent::Show && type != QEvent::Paint)
            return false;
        auto *widget = static_cast<QWidget *>(watched);
        if (type == QEvent::Show) {
            if (!m_shown && widget->isWindow() && qobject_cast<QDialog *>(widget) != nullptr) {
                // A sign-in prompt or an error instead of the main window: the set-up is wrong.
                m_report += "prompt " + QByteArray(widget->metaObject()->className()) + '\n';
                m_tablePainting = true;
                QTimer::singleShot(0, this, &StartupProbe::finish);
                return false;
            }
            if (!m_shown && qobject_cast<QMainWindow *>(widget) != nullptr) {
                m_shown = true;
                mark("window-built", nowNs()); // constructed (tabs and their first pages), show() called
            }
            return false;
        }
        if (!m_painted && qobject_cast<QMainWindow *>(widget->window()) != nullptr) {
            m_painted = true;
            mark("window", nowNs());
        }
        if (!m_tablePainting) {
            auto *view = qobject_cast<QAbstractItemView *>(widget->parentWidget());
            if (view != nullptr && view->viewport() == widget && isTable(view)) {
                m_tablePainting = true;
                m_view = view;
                // After this paint (and the rest of the window's) has been done.
                QTimer::singleShot(0, this, &StartupProbe::finish);
            }
        }
        return false;
    }

private:
    bool isTable(const QWidget *w) const
    {
        for (; w != nullptr; w = w->parentWidget()) {
            if (w->objectName() == m_tableName)
                return true;
        }
        return false;
    }

    void mark(const char *name, qint64 ns)
    {
        m_report += QByteArray(name) + ' ' + QByteArray::number(ns) + '\n';
    }

    void finish()
    {
        mark("table", nowNs());
        m_done = true;
        if (m_view && m_view->model())
            m_report += "rows " + QByteArray::number(m_view->model()->rowCount()) + '\n';
#if defined(Q_OS_LINUX)
        QFile status(QStringLiteral("/proc/self/status"));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:"))
                    m_report +=
                        line.left(5).toLower() + ' ' + line.mid(6).trimmed().split(' ').first() + '\n';
            }
        }
#endif
        QSaveFile out(m_file);
        if (out.open(QIODevice::WriteOnly)) {
            out.write(m_report);
            out.commit();
        }
        QCoreApplication::exit(0);
    }

    QString m_file;
    QString m_tableName;
    QByteArray m_report;
    QPointer<QAbstractItemView> m_view;
    bool m_shown = false;
    bool m_painted = false;
    bool m_tablePainting = false;
    bool m_done = false;
};

} // namespace sunshine::app
