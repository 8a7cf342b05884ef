#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace sunshine {

// A calendar quarter, written "2026Q3" on the wire.
struct Quarter
{
    int year = 0;
    int number = 0; // 1..4

    bool isValid() const { return year >= 1900 && year <= 9999 && number >= 1 && number <= 4; }
    static std::optional<Quarter> parse(const QString &text); // "2026Q3"; nothing when malformed
    static Quarter of(QDate date);
    QString toString() const;    // "2026Q3"
    QString chineseName() const; // "2026年第三季度"
    QDate firstDay() const;
    QDate lastDay() const;
    Quarter next() const;
    Quarter previous() const;
    friend bool operator==(const Quarter &a, const Quarter &b)
    {
        return a.year == b.year && a.number == b.number;
    }
    friend bool operator<(const Quarter &a, const Quarter &b)
    {
        return a.year != b.year ? a.year < b.year : a.number < b.number;
    }
};

} // namespace sunshine
