#pragma once

// What the import benchmarks (bench_import, bench_card_import) print: each step's time and rate beside its
// baseline, and the process's peak memory.
#include <QFile>
#include <QList>
#include <QString>
#include <QTextStream>

namespace sunshine::bench {

inline QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// The peak resident memory of this process in MB (VmHWM), or -1 where /proc is not there.
inline double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines) {
        if (l.startsWith("VmHWM:"))
            return l.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

struct Figure
{
    QString what;
    double seconds = 0;
    qint64 rows = 0;
    QString beside; // the ratio to its baseline
};

inline void printTable(const QList<Figure> &figures)
{
    out() << QStringLiteral("%1 %2 %3  %4\n")
                 .arg(QStringLiteral("step"), -56)
                 .arg(QStringLiteral("time s"), 8)
                 .arg(QStringLiteral("rows/s"), 10)
                 .arg(QStringLiteral("beside"));
    for (const Figure &f : figures)
        out() << QStringLiteral("%1 %2 %3  %4\n")
                     .arg(f.what, -56)
                     .arg(f.seconds, 8, 'f', 2)
                     .arg(f.rows > 0 && f.seconds > 0 ? QString::number(qint64(f.rows / f.seconds))
                                                      : QString(),
                          10)
                     .arg(f.beside);
}

} // namespace sunshine::bench
