"""A cooperative's stated capacities (amount, unit, period per kind of work) and lead time."""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cooperatives', '0004_grow_vocabulary'),
    ]

    operations = [
        migrations.AddField(
            model_name='cooperativepage',
            name='lead_time_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Days from an order to the first delivery (0 to 365).', null=True, validators=[django.core.validators.MaxValueValidator(365)], verbose_name='lead time (days)'),
        ),
        migrations.CreateModel(
            name='CooperativeCapacity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('amount', models.PositiveIntegerField(validators=[django.core.validators.MinValueValidator(1)], verbose_name='amount')),
                ('unit', models.CharField(choices=[('szt.', 'pieces'), ('posiłków', 'meals'), ('kg', 'kg'), ('m²', 'm²'), ('stron', 'pages'), ('godzin', 'hours')], max_length=10, verbose_name='unit')),
                ('per', models.CharField(choices=[('day', 'a day'), ('week', 'a week'), ('month', 'a month')], max_length=5, verbose_name='period')),
                ('capability', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cooperatives.capability', verbose_name='kind of work')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='capacities', to='cooperatives.cooperativepage')),
            ],
            options={
                'verbose_name': 'capacity',
                'verbose_name_plural': 'capacities',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]
