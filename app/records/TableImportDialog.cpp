#include "app/records/TableImportDialog.h"

#include "app/records/ImportProblemsModel.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "ui_TableImportDialog.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHeaderView>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

TableImportDialog::TableImportDialog(ClientSession &session, Texts texts, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::TableImportDialog>())
    , m_session(session)
    , m_texts(std::move(texts))
{
    ui->setupUi(this);
    setWindowTitle(m_texts.title);
    ui->introLabel->setText(m_texts.intro);
    m_problems = new ImportProblemsModel(this);
    ui->problemsView->setModel(m_problems);
    ui->problemsView->verticalHeader()->hide();
    ui->problemsView->horizontalHeader()->setStretchLastSection(true);
    ui->problemsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    ui->problemsView->setColumnWidth(1, 120);
    ui->problemsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    m_importButton = ui->buttonBox->addButton(tr("&Import the valid rows"), QDialogButtonBox::AcceptRole);
    QPushButton *nothing = ui->buttonBox->addButton(tr("Import &nothing"), QDialogButtonBox::RejectRole);
    connect(m_importButton, &QPushButton::clicked, this, &TableImportDialog::importClicked);
    connect(nothing, &QPushButton::clicked, this, &QDialog::reject);
    connect(ui->chooseButton, &QPushButton::clicked, this, &TableImportDialog::chooseFile);
    connect(ui->exportButton, &QPushButton::clicked, this, &TableImportDialog::exportProblemsAs);
    showResult();
}

TableImportDialog::~TableImportDialog() = default;

void TableImportDialog::addOption(const QString &label, QWidget *field)
{
    ui->optionsLayout->addRow(label, field);
}

bool TableImportDialog::acceptSheet(const io::TableData &) const
{
    return true;
}

QAbstractItemModel *TableImportDialog::problemsModel() const
{
    return m_problems;
}

QString TableImportDialog::summary() const
{
    return ui->summaryLabel->text();
}

void TableImportDialog::chooseFile()
{
    const QString dir = m_path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                         : QFileInfo(m_path).absolutePath();
    const QString path = FileDialog::getOpenFileName(this, m_texts.chooseTitle, dir, m_texts.filter);
    if (!path.isEmpty())
        loadFile(path);
}

void TableImportDialog::cancelCheck()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool TableImportDialog::loadFile(const QString &path)
{
    m_path = path;
    m_check = {};
    m_fileNote.clear();
    m_imported = 0;
    m_importError.clear();
    ui->fileEdit->setText(QDir::toNativeSeparators(path));
    QString error;
    const std::optional<Check> checkTable = checkFunction(&error);
    if (!checkTable) {
        m_check.error = error;
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
    auto state = std::make_shared<Progress>();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    const io::ProgressCallback step = [state, cancel](qint64 done, qint64 total) {
        state->done.store(done);
        state->total.store(total);
        return !cancel->load();
    };
    io::TableData table;
    TableImportCheck result;
    std::unique_ptr<QThread> worker(QThread::create([&, path] {
        io::ReadOptions read;
        read.progress = step;
        read.acceptSheet = [this](const io::TableData &t) {
            return acceptSheet(t);
        };
        table = io::readTable(path, read);
        if (!table.ok()) {
            result.error = table.error;
            result.cancelled = table.cancelled;
            return;
        }
        state->done.store(0);
        state->phase.store(1);
        result = (*checkTable)(table, step);
    }));
    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    connect(&progress, &QProgressDialog::canceled, this, &TableImportDialog::cancelCheck);
    QTimer tick;
    tick.setInterval(100);
    int shownPhase = 0;
    connect(&tick, &QTimer::timeout, &progress, [&] {
        if (state->phase.load() != shownPhase) {
            shownPhase = state->phase.load();
            progress.setLabelText(tr("Checking the rows…"));
        }
        const qint64 total = state->total.load();
        const qint64 done = state->done.load();
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
    m_check = std::move(result);
    showResult();
    return m_check.ok();
}

void TableImportDialog::showResult()
{
    const TableImportCheck &r = m_check;
    m_problems->setProblems(r.problems);
    QString summary;
    if (!m_path.isEmpty() && r.ok()) {
        summary =
            tr("%1 row(s) can be imported, %2 row(s) have errors.").arg(r.changes.size()).arg(r.badRows);
        if (!r.changes.isEmpty() && !r.note.isEmpty())
            summary += u' ' + r.note;
        if (r.rowsRead == 0)
            summary = tr("The list has no rows below its header.");
        if (m_imported > 0)
            summary = m_texts.done(m_imported);
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
    m_importButton->setEnabled(r.ok() && !r.changes.isEmpty() && m_imported == 0);
    if (m_importButton->isEnabled())
        m_importButton->setDefault(true);
}

bool TableImportDialog::exportProblems(const QString &path, QString *error)
{
    return ImportProblemsModel::exportXlsx(path, m_check.problems, error);
}

void TableImportDialog::exportProblemsAs()
{
    ImportProblemsModel::exportWithDialog(this, m_path, m_check.problems);
}

int TableImportDialog::importValid()
{
    m_importError.clear();
    if (!m_check.ok() || m_imported > 0 || m_check.changes.isEmpty())
        return 0;
    QProgressDialog progress(m_texts.saving(int(m_check.changes.size())), tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoReset(false);
    bool cancelled = false;
    QString error;
    const qsizetype saved = m_session.cache().saveAll(
        m_check.changes, m_session.clock().nowMs(), &error, [&](qint64 done, qint64 total) {
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

void TableImportDialog::importClicked()
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
