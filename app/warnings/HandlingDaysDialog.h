#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class HandlingDaysDialog;
}

namespace sunshine::app {

class ApiClient;

// A city administrator sets the working days a warning's reply and result are due in (by default 5 and 10, by
// analogy with Art. 21); the server keeps each change as a new version (PUT /api/v1/admin/warnings/handling).
class HandlingDaysDialog : public QDialog
{
    Q_OBJECT
public:
    HandlingDaysDialog(ApiClient &api, int replyDays, int resultDays, QWidget *parent = nullptr);
    ~HandlingDaysDialog() override;

    void setDays(int replyDays, int resultDays);
    QString problem() const;

public Q_SLOTS:
    void save();

private:
    std::unique_ptr<Ui::HandlingDaysDialog> ui;
    ApiClient &m_api;
};

} // namespace sunshine::app
