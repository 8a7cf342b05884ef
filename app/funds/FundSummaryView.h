#pragma once

#include "common/core/Money.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace sunshine::app {

class ClientSession;

// The year's money per fund line and area, from the local cache with one GROUP BY: rows are the fund lines
// with money in the year (in catalog order) and a total row; columns the line's name, one per area (the
// counties for city users, the towns for a county's, the villages for a town's), the user's own level when it
// holds money itself (e.g. allocations received by the city's departments), and the total.
class FundSummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Measure
    {
        Disbursed, // disbursements by the year of their payment date
        Allocated  // allocations by their fund year
    };
    enum class Unit
    {
        Yuan,
        TenThousandYuan // 万元
    };
    static constexpr int FenRole = Qt::UserRole + 1;   // qint64, the cell's amount in fen
    static constexpr int CountRole = Qt::UserRole + 2; // int, the records summed

    explicit FundSummaryModel(ClientSession &session, QObject *parent = nullptr);

    // The year and what is summed take effect at the next refresh().
    void setYear(int year);
    int year() const { return m_year; }
    void setMeasure(Measure measure);
    Measure measure() const { return m_measure; }
    void setUnit(Unit unit);
    Unit unit() const { return m_unit; }
    // Reads the cache again.
    void refresh();

    // The fund line codes of the rows (without the total row), and the org unit ids of the area columns (""
    // for the own level).
    QStringList lineCodes() const { return m_lines; }
    QStringList areaIds() const { return m_areas; }
    int firstAreaColumn() const { return 1; }
    int totalColumn() const { return int(m_areas.size()) + 1; }
    int totalRow() const { return int(m_lines.size()); }
    // The amount of a line (or "" for all lines) in an area ("" for the own level, "*" for all areas).
    Fen fen(const QString &lineCode, const QString &areaId) const;
    QString lastError() const { return m_error; }
    // "1,234.56" in the unit chosen.
    QString formatted(Fen fen) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Cell
    {
        Fen fen = 0;
        int count = 0;
    };
    Cell cellAt(int row, int column) const;
    QString areaOf(const QString &orgUnitId) const;

    ClientSession &m_session;
    int m_year = 0;
    Measure m_measure = Measure::Disbursed;
    Unit m_unit = Unit::Yuan;
    QStringList m_lines;                          // fund line codes, rows
    QStringList m_areas;                          // org unit ids, columns ("" = own level)
    QHash<QString, QString> m_areaNames;          // id -> name
    QHash<QString, QHash<QString, Cell>> m_cells; // line -> area -> cell
    QString m_error;
};

// The yearly summary: year, what is summed and the unit, the table, and export to .xlsx.
class FundSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit FundSummaryView(ClientSession &session, QWidget *parent = nullptr);

    FundSummaryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *yearChooser() const { return m_year; }
    QComboBox *measureChooser() const { return m_measure; }
    QComboBox *unitChooser() const { return m_unit; }
    // Writes the table as shown (numbers in the unit chosen) to an .xlsx file; false with the reason.
    bool exportTo(const QString &path, QString *error) const;

public Q_SLOTS:
    void exportTable();
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();

    ClientSession &m_session;
    FundSummaryModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_year = nullptr;
    QComboBox *m_measure = nullptr;
    QComboBox *m_unit = nullptr;
    QLabel *m_note = nullptr;
    bool m_stale = true;
};

} // namespace sunshine::app
