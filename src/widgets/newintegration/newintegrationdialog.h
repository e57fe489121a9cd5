#pragma once

#include "core/catalog/integrationdraft.h"
#include "core/model/connection.h"

#include <QDialog>
#include <memory>
#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace weft {

class EndpointPicker;
class MySqlColumnLoader;
class ProjectDocument;

/// File → New integration…: a scheme made from the API catalogue in three pages — the
/// source endpoint; the target (a catalogue save, an existing MySQL table, or a new table
/// whose DDL Weft proposes from the source's fields, editable here); the connections
/// (existing ones of the right type, or new ones made on the spot). Create adds the new
/// connections and the scheme — complete metadata, auto-mapped — as ONE undo step.
class NewIntegrationDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Page { SourcePage, TargetPage, ConnectionsPage };

    explicit NewIntegrationDialog(ProjectDocument *doc, QWidget *parent = nullptr);
    ~NewIntegrationDialog() override;

    /// The scheme Create made ("" before).
    QString createdScheme() const { return m_created; }
    /// What auto-map left: required target fields without a value.
    QStringList unmappedRequired() const { return m_unmappedRequired; }
    int page() const;

    EndpointPicker *sourcePicker() const { return m_sourcePicker; }
    EndpointPicker *targetPicker() const { return m_targetPicker; }
    QRadioButton *endpointTarget() const { return m_toEndpoint; }
    QRadioButton *existingTableTarget() const { return m_toTable; }
    QRadioButton *newTableTarget() const { return m_toNewTable; }
    QLineEdit *tableName() const { return m_table; }
    QPlainTextEdit *ddlEdit() const { return m_ddl; }
    QComboBox *sourceConnection() const { return m_sourceConnection; }
    QComboBox *targetConnection() const { return m_targetConnection; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *createButton() const { return m_create; }
    QLabel *summary() const { return m_summary; }

Q_SIGNALS:
    /// Create added the scheme (the dialog then closes with accept()).
    void created(const QString &scheme);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void goTo(int page);
    void updateButtons();
    void updateTargetKind();
    void proposeDdl();
    void fillConnections();
    void connectionChosen(QComboBox *box, ConnectorType type);
    IntegrationDraft draft() const;
    void refreshSummary();
    void create();
    void finish(const IntegrationDraft &draft);
    std::optional<Connection> connectionNamed(const QString &name) const;
    ConnectorType targetType() const;

    ProjectDocument *m_doc;
    std::shared_ptr<const Catalog> m_catalog;
    QList<Connection> m_newConnections;
    QString m_created;
    QStringList m_unmappedRequired;
    QString m_proposedDdl; ///< the last proposal: the DDL follows it until the user edits it
    MySqlColumnLoader *m_columns;

    QLabel *m_heading;
    QStackedWidget *m_pages;
    EndpointPicker *m_sourcePicker;
    QLabel *m_targetIntro;
    QRadioButton *m_toEndpoint;
    QRadioButton *m_toTable;
    QRadioButton *m_toNewTable;
    QButtonGroup *m_targetKinds;
    EndpointPicker *m_targetPicker;
    QLabel *m_tableLabel;
    QLineEdit *m_table;
    QLabel *m_tableHint;
    QLabel *m_ddlLabel;
    QPlainTextEdit *m_ddl;
    QLabel *m_sourceConnectionLabel;
    QComboBox *m_sourceConnection;
    QLabel *m_targetConnectionLabel;
    QComboBox *m_targetConnection;
    QLabel *m_summary;
    QLabel *m_error;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_create;
    QPushButton *m_cancel;
};

} // namespace weft
