#pragma once

#include "common/wire/UserInfo.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace sunshine::app {

class ApiClient;

// The accounts in the administrator's scope, fetched from the server page by page as the view scrolls
// (canFetchMore/fetchMore), searched and sorted on the server.
class UsersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Username,
        DisplayName,
        Roles,
        OrgUnit,
        Department,
        Phone,
        Status,
        LastLogin,
        ColumnCount
    };
    static constexpr int kPageSize = 50;

    explicit UsersModel(ApiClient &api, QObject *parent = nullptr);

    struct Filter
    {
        QString search;
        QString orgUnitId;
        std::optional<bool> active;
    };
    void setFilter(const Filter &filter);
    // Drops what is loaded and fetches the first page again.
    void reload();
    // Puts a changed account in place (after an edit) without reloading.
    void updateUser(const UserInfo &user);

    const UserInfo *userAt(int row) const;
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loadFailed(const QString &message);
    void totalChanged(qint64 total);

private:
    void fetchPage(int offset);

    ApiClient &m_api;
    Filter m_filter;
    QString m_sortKey = QStringLiteral("username");
    bool m_descending = false;
    QList<UserInfo> m_users;
    qint64 m_total = 0;
    bool m_loading = false;
    bool m_loadedOnce = false;
    int m_generation = 0;
};

QString roleDisplayName(Role role);

} // namespace sunshine::app
