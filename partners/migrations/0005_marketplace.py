"""Marketplace: a need's life and parsed quantity, requests for quotes, quotes, orders,
who wrote each reply, and when each person last read an inquiry."""

import django.core.validators
import django.db.models.deletion
import partners.models.quotes
from django.conf import settings
from django.db import migrations, models


def sign_earlier_replies(apps, schema_editor):
    """Replies written before this migration get the side their author was on: the
    cooperative's when the author is an active member of the cooperative asked."""
    InquiryReply = apps.get_model("partners", "InquiryReply")
    Membership = apps.get_model("cms", "Membership")
    for reply in InquiryReply.objects.select_related("inquiry").exclude(author=None):
        if Membership.objects.filter(
            user_id=reply.author_id,
            organisation__page_id=reply.inquiry.cooperative_id,
            organisation__kind="cooperative",
            status="active",
        ).exists():
            InquiryReply.objects.filter(pk=reply.pk).update(side="cooperative")


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0005_regionalapprovaltask_organisation_invitation_and_more'),
        ('cooperatives', '0004_grow_vocabulary'),
        ('partners', '0004_partnership_place_and_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='inquiry',
            name='decline_reason',
            field=models.TextField(blank=True, verbose_name='reason for declining'),
        ),
        migrations.AddField(
            model_name='inquiry',
            name='requests_quote',
            field=models.BooleanField(default=False, verbose_name='asks for a quote'),
        ),
        migrations.AddField(
            model_name='inquiry',
            name='started_by',
            field=models.CharField(choices=[('company', 'company'), ('cooperative', 'cooperative')], default='company', max_length=12, verbose_name='started by'),
        ),
        migrations.AddField(
            model_name='inquiryreply',
            name='side',
            field=models.CharField(choices=[('company', 'company'), ('cooperative', 'cooperative')], default='company', max_length=12),
        ),
        migrations.AddField(
            model_name='need',
            name='closed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='closed at'),
        ),
        migrations.AddField(
            model_name='need',
            name='quantity_per',
            field=models.CharField(blank=True, choices=[('day', 'a day'), ('week', 'a week'), ('month', 'a month')], max_length=5, verbose_name='how often'),
        ),
        migrations.AddField(
            model_name='need',
            name='quantity_unit',
            field=models.CharField(blank=True, help_text='For example szt., kg, m², meals.', max_length=20, verbose_name='unit'),
        ),
        migrations.AddField(
            model_name='need',
            name='quantity_value',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='amount'),
        ),
        migrations.AlterField(
            model_name='inquiry',
            name='status',
            field=models.CharField(choices=[('new', 'new'), ('in_talks', 'in talks'), ('quoted', 'quote sent'), ('agreed', 'agreed'), ('declined', 'declined'), ('not_chosen', 'quote not chosen')], default='new', max_length=10, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='need',
            name='status',
            field=models.CharField(choices=[('open', 'open'), ('fulfilled', 'fulfilled'), ('withdrawn', 'withdrawn'), ('expired', 'expired'), ('closed', 'closed')], default='open', max_length=10, verbose_name='status'),
        ),
        migrations.CreateModel(
            name='ContactPerson',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(blank=True, max_length=120, verbose_name='your name')),
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='your phone')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='contact_person', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='Quote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('price_pln', models.DecimalField(decimal_places=2, max_digits=12, verbose_name='price (PLN)')),
                ('price_max_pln', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='up to (PLN)')),
                ('earliest_date', models.DateField(verbose_name='earliest delivery date')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('attachment', models.FileField(blank=True, max_length=200, storage=partners.models.quotes.attachment_storage, upload_to=partners.models.quotes.attachment_path, verbose_name='attachment')),
                ('attachment_name', models.CharField(blank=True, max_length=200, verbose_name='file name')),
                ('attachment_type', models.CharField(blank=True, max_length=100, verbose_name='file type')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('inquiry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='quotes', to='partners.inquiry')),
            ],
            options={
                'verbose_name': 'quote',
                'verbose_name_plural': 'quotes',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Order',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True, verbose_name='slug')),
                ('value_pln', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='value (PLN)')),
                ('ordered', models.DateField(verbose_name='ordered on')),
                ('planned_delivery', models.DateField(blank=True, null=True, verbose_name='planned delivery')),
                ('delivered', models.DateField(blank=True, null=True, verbose_name='delivered on')),
                ('status', models.CharField(choices=[('placed', 'placed'), ('delivered', 'delivered'), ('cancelled', 'cancelled')], default='placed', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('cooperative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='orders', to='cooperatives.cooperativepage', verbose_name='cooperative')),
                ('need', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='orders', to='partners.need', verbose_name='need')),
                ('placed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('quote', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='order', to='partners.quote')),
            ],
            options={
                'verbose_name': 'order',
                'verbose_name_plural': 'orders',
                'ordering': ['-ordered', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='InquiryReading',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('read_at', models.DateTimeField()),
                ('inquiry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='readings', to='partners.inquiry')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('inquiry', 'user'), name='one_reading_per_person')],
            },
        ),
        migrations.RunPython(sign_earlier_replies, migrations.RunPython.noop),
    ]
