#pragma once

#include "common/funds/FundCatalog.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <memory>

class QLabel;

namespace Ui {
class FundLineDialog;
}

namespace sunshine::app {

class ApiClient;
class ClientSession;

// Adds a line to the fund catalog (city administrators; POST /api/v1/admin/fund-lines). The line is checked
// as the server checks it (funds::FundCatalog::validateLine) before it is sent; each problem, and the
// server's verdict, is shown beside the field it names.
class FundLineDialog : public QDialog
{
    Q_OBJECT
public:
    struct Department
    {
        QString code; // "agriculture"
        QString name; // "农业农村局"
    };
    FundLineDialog(ApiClient &api, const QList<Department> &departments, QWidget *parent = nullptr);
    ~FundLineDialog() override;

    // The lead departments a user's session knows (fetched with the fund lines; before that, those of the
    // user's area).
    static QList<Department> departmentsOf(const ClientSession &session);
    // "Add fund line…", for the button or menu entry that opens the dialog.
    static QString actionText() { return tr("&Add fund line…"); }
    // Whether the signed-in user may add fund lines (funds::canManageFundLines).
    static bool mayAdd(const ClientSession &session);
    // Opens the dialog (modal); on success the line is in force at once and kept in the session's cache.
    static std::optional<funds::FundLine> addInteractively(ClientSession &session, QWidget *parent);

    // The line the server stored (valid after accept()).
    funds::FundLine savedLine() const { return m_saved; }
    // The errors shown, by field ("code", "name", "leadDepartment", ...). For tests.
    QHash<QString, QString> fieldErrors() const;
    // The request body the form makes.
    QJsonObject body() const;

public Q_SLOTS:
    void submit();

private:
    bool validate();
    void setFieldError(const QString &field, const QString &message);
    void clearErrors();

    std::unique_ptr<Ui::FundLineDialog> ui;
    ApiClient &m_api;
    QHash<QString, QLabel *> m_errorLabels;
    funds::FundLine m_saved;
};

} // namespace sunshine::app
