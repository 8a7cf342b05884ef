#include "app/funds/DisbursementImportDialog.h"

#include "app/funds/FundQueries.h"
#include "app/records/ImportProblemsModel.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/core/Clock.h"
#include "common/funds/FundTypes.h"
#include "common/io/TableFile.h"
#include "ui_DisbursementImportDialog.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

DisbursementImportDialog::DisbursementImportDialog(ClientSession &session, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::DisbursementImportDialog>())
    , m_session(session)
{
    ui->setupUi(this);
    ui->introLabel->setText(
        tr("Choose a disbursement list (.xlsx or CSV, one row per payment) with a header row naming the "
           "columns "
           "%1; optional: %2. The fund line may be named by its Chinese name or its code.")
            .arg(funds::disbursementHeaders(true).join(u"、"_s),
                 funds::disbursementHeaders(false).join(u"、"_s)));
    m_problems = new ImportProblemsModel(this);
    ui->problemsView->setModel(m_problems);
    ui->problemsView->verticalHeader()->hide();
    ui->problemsView->horizontalHeader()->setStretchLastSection(true);
    ui->problemsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    ui->problemsView->setColumnWidth(1, 120);
    ui->problemsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    m_importButton = ui->buttonBox->addButton(tr("&Import the valid rows"), QDialogButtonBox::AcceptRole);
    m_nothingButton = ui->buttonBox->addButton(tr("Import &nothing"), QDialogButtonBox::RejectRole);
    connect(m_importButton, &QPushButton::clicked, this, &DisbursementImportDialog::importClicked);
    connect(m_nothingButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(ui->chooseButton, &QPushButton::clicked, this, &DisbursementImportDialog::chooseFile);
    connect(ui->exportButton, &QPushButton::clicked, this, &DisbursementImportDialog::exportProblemsAs);
    showResult();
}

DisbursementImportDialog::~DisbursementImportDialog() = default;

int DisbursementImportDialog::run(ClientSession &session, QWidget *parent)
{
    DisbursementImportDialog dialog(session, parent);
    dialog.exec();
    return dialog.importedCount();
}

QAbstractItemModel *DisbursementImportDialog::problemsModel() const
{
    return m_problems;
}

QString DisbursementImportDialog::summary() const
{
    return ui->summaryLabel->text();
}

void DisbursementImportDialog::chooseFile()
{
    const QString dir = m_path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                         : QFileInfo(m_path).absolutePath();
    const QString path =
        FileDialog::getOpenFileName(this, tr("Choose a disbursement list"), dir,
                                    tr("Disbursement lists (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"));
    if (!path.isEmpty())
        loadFile(path);
}

void DisbursementImportDialog::cancelCheck()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool DisbursementImportDialog::prepare(funds::DisbursementImportOptions *o, QString *error) const
{
    const UserInfo &user = m_session.user();
    const qint64 now = m_session.clock().nowMs();
    o->today = chinaDateOf(now);
    o->nowMs = now;
    o->calendar = &WorkingCalendar::current();
    o->actor.userId = user.id;
    o->actor.orgUnitId = user.orgUnitId;
    o->actor.departmentId = user.departmentId;
    o->actor.roles = user.roles;
    const std::optional<OrgUnit> own = m_session.orgUnit(user.orgUnitId);
    if (!own) {
        *error = tr("The units of your area are not known yet. Connect once so the program can fetch them, "
                    "then import the list.");
        return false;
    }
    o->actor.orgPath = own->path;
    o->places = m_session.orgUnits();
    if (!user.departmentId.isEmpty()) {
        const QList<Department> departments = m_session.departments();
        const auto it = std::find_if(departments.begin(), departments.end(),
                                     [&](const Department &d) { return d.id == user.departmentId; });
        if (it == departments.end()) {
            *error =
                tr("The departments of your area are not known yet. Connect once so the program can fetch "
                   "them, then import the list.");
            return false;
        }
        o->departmentCode = it->code;
        o->departmentOrgUnitId = it->orgUnitId;
    }
    return true;
}

bool DisbursementImportDialog::loadFile(const QString &path)
{
    m_path = path;
    m_result = {};
    m_fileNote.clear();
    m_imported = 0;
    m_importError.clear();
    ui->fileEdit->setText(QDir::toNativeSeparators(path));

    funds::DisbursementImportOptions options;
    QString error;
    if (!prepare(&options, &error)) {
        m_result.error = error;
        showResult();
        return false;
    }

    // Reading and checking run in a worker; this thread keeps the window alive and shows the progress.
    struct Progress
    {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic<int> phase{0}; // 0 reading, 1 checking
    };
    auto progressState = std::make_shared<Progress>();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    const auto step = [progressState, cancel](qint64 done, qint64 total) {
        progressState->done.store(done);
        progressState->total.store(total);
        return !cancel->load();
    };
    options.progress = step;
    io::TableData table;
    funds::DisbursementImportResult result;
    const QString cachePath = m_session.cache().path();
    const QString departmentId = m_session.user().departmentId;
    std::unique_ptr<QThread> worker(
        QThread::create([&table, &result, &options, path, step, progressState, cachePath, departmentId] {
            options.enteredAlready = fundquery::disbursementKeys(cachePath, departmentId);
            io::ReadOptions read;
            read.progress = step;
            read.acceptSheet = &funds::hasDisbursementHeader; // past a 填表说明 sheet to the list itself
            table = io::readTable(path, read);
            if (!table.ok()) {
                result.error = table.error;
                result.cancelled = table.cancelled;
                return;
            }
            progressState->done.store(0);
            progressState->phase.store(1);
            result = funds::checkDisbursements(table, options);
        }));

    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    connect(&progress, &QProgressDialog::canceled, this, &DisbursementImportDialog::cancelCheck);
    QTimer tick;
    tick.setInterval(100);
    int shownPhase = 0;
    connect(&tick, &QTimer::timeout, &progress, [&] {
        if (progressState->phase.load() != shownPhase) {
            shownPhase = progressState->phase.load();
            progress.setLabelText(tr("Checking the rows…"));
        }
        const qint64 total = progressState->total.load();
        const qint64 done = progressState->done.load();
        progress.setValue(total > 0 ? int(qBound(qint64(0), done * 999 / total, qint64(999))) : 0);
    });
    QEventLoop loop;
    connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    tick.start();
    loop.exec();
    worker->wait();
    tick.stop();
    progress.reset();
    m_cancel.reset();

    if (!table.sheetName.isEmpty())
        m_fileNote = tr("worksheet “%1”").arg(table.sheetName);
    else if (!table.encoding.isEmpty())
        m_fileNote = tr("a CSV file in %1").arg(table.encoding);
    m_result = std::move(result);
    showResult();
    return m_result.ok();
}

void DisbursementImportDialog::showResult()
{
    const funds::DisbursementImportResult &r = m_result;
    m_problems->setProblems(r.problems);
    QString summary;
    if (!m_path.isEmpty() && r.ok()) {
        summary = tr("%1 row(s) can be imported, %2 row(s) have errors.").arg(r.rows.size()).arg(r.badRows);
        if (!r.rows.isEmpty())
            summary += u' ' + tr("Valid amount: %1 yuan.")
                                  .arg(QLocale::system().toString(double(r.validAmountFen) / 100.0, 'f', 2));
        if (r.rowsRead == 0)
            summary = tr("The list has no rows below its header.");
        if (m_imported > 0)
            summary = tr("%n disbursement(s) imported; they are sent when the program is online.", nullptr,
                         m_imported);
    }
    QString read;
    if (!m_path.isEmpty() && r.ok())
        read = tr("%n row(s) read from %1.", nullptr, r.rowsRead)
                   .arg(m_fileNote.isEmpty() ? tr("the file") : m_fileNote);
    ui->summaryLabel->setText(summary);
    ui->summaryLabel->setVisible(!summary.isEmpty());
    ui->readLabel->setText(read);
    ui->readLabel->setVisible(!read.isEmpty());
    QString error = r.cancelled ? tr("Checking was cancelled; nothing was imported.") : r.error;
    if (!m_importError.isEmpty())
        error = tr("Nothing was imported: %1").arg(m_importError);
    ui->errorLabel->setText(error);
    ui->errorLabel->setVisible(!error.isEmpty());
    const bool hasProblems = !r.problems.isEmpty();
    ui->problemsTitle->setVisible(hasProblems);
    ui->problemsView->setVisible(hasProblems);
    ui->exportButton->setEnabled(hasProblems);
    ui->exportButton->setVisible(hasProblems);
    ui->ruleLabel->setVisible(hasProblems);
    m_importButton->setEnabled(r.ok() && !r.rows.isEmpty() && m_imported == 0);
    if (m_importButton->isEnabled())
        m_importButton->setDefault(true);
}

bool DisbursementImportDialog::exportProblems(const QString &path, QString *error)
{
    return ImportProblemsModel::exportXlsx(path, m_result.problems, error);
}

void DisbursementImportDialog::exportProblemsAs()
{
    ImportProblemsModel::exportWithDialog(this, m_path, m_result.problems);
}

int DisbursementImportDialog::importValid()
{
    m_importError.clear();
    if (!m_result.ok() || m_imported > 0 || m_result.rows.isEmpty())
        return 0;
    const QString type = QString::fromUtf16(funds::DisbursementType::kName);
    QList<LocalCache::Change> changes;
    changes.reserve(m_result.rows.size());
    for (const funds::DisbursementRow &row : std::as_const(m_result.rows)) {
        LocalCache::Change c;
        c.type = type;
        c.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.orgUnitId = row.placement.orgUnitId;
        c.departmentId = row.placement.departmentId;
        c.changedFields = row.fields;
        changes.append(std::move(c));
    }
    QProgressDialog progress(tr("Saving %n disbursement(s)…", nullptr, int(changes.size())), tr("Cancel"), 0,
                             1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoReset(false);
    bool cancelled = false;
    QString error;
    const qsizetype saved =
        m_session.cache().saveAll(changes, m_session.clock().nowMs(), &error, [&](qint64 done, qint64 total) {
            progress.setValue(total > 0 ? int(done * 999 / total) : 0);
            cancelled = progress.wasCanceled();
            return !cancelled;
        });
    progress.reset();
    if (saved < 0) {
        if (!cancelled)
            m_importError = error;
        showResult();
        return 0;
    }
    m_imported = int(saved);
    m_session.engine().syncNow();
    showResult();
    Q_EMIT imported(m_imported);
    return m_imported;
}

void DisbursementImportDialog::importClicked()
{
    const int done = importValid();
    if (!m_importError.isEmpty())
        MessageBox::warning(
            this, tr("Import failed"),
            tr("Saving on this computer failed; nothing was imported: %1").arg(m_importError));
    if (done > 0)
        accept();
}

} // namespace sunshine::app
