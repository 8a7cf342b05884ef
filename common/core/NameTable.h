#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <cstddef>

// The wire names and Chinese names of an enumeration's values, kept in one table in the enumeration's order
// (a workflow's states and actions): the table gives both names, the Choice options, and the value of a name.
namespace sunshine {

struct NamedValue
{
    const char16_t *name;    // on the wire, e.g. "assigned"
    const char16_t *chinese; // as people read it, e.g. "已交办"
};

// Wire name and Chinese name, in pairs (a Choice field's options).
template <std::size_t N>
QStringList namePairs(const NamedValue (&table)[N])
{
    QStringList out;
    for (const NamedValue &n : table)
        out << QString::fromUtf16(n.name) << QString::fromUtf16(n.chinese);
    return out;
}

// The index of the value with this wire name, or -1.
template <std::size_t N>
int nameIndex(const NamedValue (&table)[N], QStringView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QStringView(table[i].name))
            return int(i);
    }
    return -1;
}

} // namespace sunshine
