#pragma once

#include "common/funds/FundCatalog.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QHBoxLayout;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace sunshine::app {

class ClientSession;

// The fund catalog in force (allFundLines(): the built-in lines, then those admins added), one row per line:
// article, name, lead department (by name), kind, payment cycle and recipient. Read-only.
class FundCatalogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Article,
        Name,
        LeadDepartment,
        Kind,
        Cycle,
        Recipient,
        ColumnCount
    };
    static constexpr int CodeRole = Qt::UserRole + 1; // the line's code, in every column

    // `departmentName`: a department code ("agriculture") to the name shown.
    explicit FundCatalogModel(std::function<QString(const QString &code)> departmentName,
                              QObject *parent = nullptr);

    // Reads the catalog in force again (e.g. after an admin added a line).
    void reload();
    funds::FundLine lineAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::function<QString(const QString &)> m_departmentName;
    QList<funds::FundLine> m_lines;
};

// The catalog as a searchable, sortable table, with the number of lines shown and export to .xlsx.
class FundCatalogView : public QWidget
{
    Q_OBJECT
public:
    explicit FundCatalogView(ClientSession &session, QWidget *parent = nullptr);

    FundCatalogModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // Adds a button to the toolbar (before Export).
    QPushButton *addAction(const QString &text);
    // Case-insensitive text in any column; empty shows all lines.
    void setSearch(const QString &text);
    void reload();

public Q_SLOTS:
    void exportTable();

private:
    void updateCount();

    ClientSession &m_session;
    FundCatalogModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QHBoxLayout *m_toolbar = nullptr;
    QPushButton *m_export = nullptr;
};

// The name of the departments with this code in the user's area, without the place ("农业农村局"), or the
// code when none is known yet.
QString departmentNameOfCode(const ClientSession &session, const QString &code);

} // namespace sunshine::app
