import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("projects", "0013_values_into_periods")]

    operations = [
        migrations.AlterField(
            model_name="indicatorvalue",
            name="period",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="values",
                to="projects.reportingperiod",
                verbose_name="period",
            ),
        ),
    ]
