#pragma once

#include <QSqlQueryModel>

namespace sunshine::app {

class ClientSession;

// Department contacts in the local cache, read with SQL and fetched in pages as the view scrolls, with each
// record's sync state.
class ContactsModel : public QSqlQueryModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Department,
        Role,
        Name,
        Post,
        OfficePhone,
        Mobile,
        State,
        StateMessage,
        ColumnCount
    };
    enum Roles
    {
        RecordIdRole = Qt::UserRole + 1,
        StateRole
    };

    explicit ContactsModel(ClientSession &session, QObject *parent = nullptr);

    void setSearch(const QString &text);
    void reload();
    QString recordIdAt(int row) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString roleText(const QString &contactRole);

private:
    ClientSession &m_session;
    QString m_search;
};

} // namespace sunshine::app
