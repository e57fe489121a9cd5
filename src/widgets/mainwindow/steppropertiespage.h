#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class StepProperties;
}

namespace weft {

class ExpressionField;
class ProjectDocument;
class ValidateRulesEdit;

/// The properties of a step node: title, enabled, and its settings — the arrays of a
/// flatten, the condition of a filter (in the expression editor), a validate step's rules
/// (a table, and its JSON), the JSON of lookups.
class StepPropertiesPage final : public QWidget
{
    Q_OBJECT
public:
    explicit StepPropertiesPage(ProjectDocument *doc, QWidget *parent = nullptr);
    ~StepPropertiesPage() override;

    void setStep(const QString &scheme, const QString &stepId);
    /// Field names offered by the condition editor (from the scheme's preview or metadata).
    void setFields(const QStringList &fields);
    ExpressionField *conditionField() const { return m_condition; }
    /// The validate step's rule table (shown above the rules' JSON).
    ValidateRulesEdit *rulesEdit() const { return m_rules; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void applySettingsJson();

    std::unique_ptr<Ui::StepProperties> m_ui;
    ProjectDocument *m_doc;
    ExpressionField *m_condition;
    ValidateRulesEdit *m_rules;
    QString m_scheme;
    QString m_step;
    bool m_loading = false;
};

} // namespace weft
